package cz.mluv.migrations.settings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads declared {@link Setting}s from one source: the process (a JVM system property wins over
 * the environment variable of the same name), a map, or any lookup. A blank value counts as unset.
 *
 * <p>Every read of an {@code MLUV_*} variable in Mluv's code goes through this class; the
 * variables themselves are declared in {@link MluvSettings}.
 */
public final class SettingsReader {

    /** Looks a name up: the JVM system property of that name, else the environment variable. */
    public static final Function<String, String> PROCESS = name -> {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    };

    private final Function<String, String> lookup;

    /** @param lookup resolves a variable name to its value or {@code null} when unset */
    public SettingsReader(Function<String, String> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** @return a reader of this process's system properties and environment (a property wins) */
    public static SettingsReader process() {
        return new SettingsReader(PROCESS);
    }

    /**
     * @param values variable name to value
     * @return a reader of that map only
     */
    public static SettingsReader of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new SettingsReader(copy::get);
    }

    /**
     * @param setting a declared setting
     * @param <T>     its type
     * @return its value, else its default; {@code null} when unset and without a default
     * @throws IllegalArgumentException naming the variable when the value is malformed or out of range
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseGet(setting::defaultValue);
    }

    /**
     * @param setting a declared setting
     * @param <T>     its type
     * @return its value when set (not blank), without the default
     * @throws IllegalArgumentException naming the variable when the value is malformed or out of range
     */
    public <T> Optional<T> find(Setting<T> setting) {
        String raw = raw(setting.name());
        return raw == null ? Optional.empty() : Optional.of(setting.parse(raw));
    }

    /**
     * @param setting a declared setting
     * @return {@code true} when it is set to a non-blank value
     */
    public boolean isSet(Setting<?> setting) {
        return raw(setting.name()) != null;
    }

    /** @return the lookup this reader asks (for code that passes it on) */
    public Function<String, String> lookup() {
        return lookup;
    }

    private String raw(String name) {
        String v = lookup.apply(name);
        return v == null || v.isBlank() ? null : v;
    }
}
