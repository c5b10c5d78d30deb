package cz.mluv.migrations.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What one migration risks, how long it takes and how it is undone, as stated in
 * {@code db/migration-metadata.properties} (and in the migration's header comment).
 *
 * @param version           the Flyway version, e.g. {@code 2}
 * @param risk              the risk level
 * @param expectedDuration  how long the migration runs, e.g. {@code ~10 s per index}
 * @param atTableSize       the table size that duration was measured at, e.g. {@code 2,000,000 messages (2 cores)}
 * @param rollbackPlan      how the migration is rolled back (the rollback script and what it drops)
 */
public record MigrationMetadata(String version, Risk risk, String expectedDuration, String atTableSize, String rollbackPlan) {

    /** The classpath resource holding the metadata of every migration. */
    public static final String RESOURCE = "db/migration-metadata.properties";

    /** Risk levels, written in lower case with a dash in the properties and headers. */
    public enum Risk {
        /** New objects only; nothing existing is locked for long. */
        LOW,
        /** Reads whole tables once (e.g. a first materialized-view population). */
        LOW_MEDIUM,
        /** Long builds on large tables (concurrent index builds). */
        MEDIUM,
        /** Rewrites or locks large tables, or loses data. */
        HIGH;

        /** @return the written form, e.g. {@code low-medium} */
        public String label() {
            return name().toLowerCase().replace('_', '-');
        }

        /**
         * @param label the written form
         * @return the level
         * @throws IllegalArgumentException when the label names no level
         */
        public static Risk ofLabel(String label) {
            return Arrays.stream(values()).filter(r -> r.label().equals(label.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown risk level: " + label));
        }
    }

    /** @return one line for the CLI, e.g. {@code risk medium; expected ~10 s per index at 2,000,000 messages; rollback: ...} */
    public String summary() {
        return "risk " + risk.label() + "; expected " + expectedDuration + " at " + atTableSize + "; rollback: " + rollbackPlan;
    }

    /**
     * Reads every migration's metadata.
     *
     * @param resources the class loader that sees {@link #RESOURCE}
     * @return metadata by version (an empty map when the resource is absent)
     * @throws IllegalStateException when an entry is incomplete or names an unknown risk level
     * @throws UncheckedIOException  when the resource cannot be read
     */
    public static Map<String, MigrationMetadata> load(ClassLoader resources) {
        Properties p = new Properties();
        try (InputStream in = resources.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, MigrationMetadata> byVersion = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String version = key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
            byVersion.computeIfAbsent(version, v -> read(p, v));
        }
        return Map.copyOf(byVersion);
    }

    private static MigrationMetadata read(Properties p, String version) {
        try {
            return new MigrationMetadata(version, Risk.ofLabel(required(p, version, "risk")),
                    required(p, version, "expected-duration"), required(p, version, "at-table-size"),
                    required(p, version, "rollback"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ", version " + version + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String version, String field) {
        return Optional.ofNullable(p.getProperty(version + "." + field)).map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("missing " + version + "." + field));
    }
}
