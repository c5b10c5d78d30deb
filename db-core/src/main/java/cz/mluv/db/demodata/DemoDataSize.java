package cz.mluv.db.demodata;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.SettingsReader;
import java.util.function.Function;

/**
 * How much demo data to load, and the seed that makes it repeatable.
 *
 * @param users    number of users (at least 1)
 * @param messages number of messages, user and assistant together (even; at least 0)
 * @param seed     random seed: the same seed and size give the same rows
 */
public record DemoDataSize(int users, long messages, long seed) {

    /** The default of the main job (the declared defaults: 10,000 users, 200,000 messages, seed 42). */
    public static final DemoDataSize DEMO = from(name -> null);
    /** The benchmark size: 100,000 users, 2,000,000 messages. */
    public static final DemoDataSize BENCHMARK = new DemoDataSize(100_000, 2_000_000, 42);

    /**
     * @throws IllegalArgumentException when a count is out of range
     */
    public DemoDataSize {
        if (users < 1 || users > 10_000_000) {
            throw new IllegalArgumentException("users must be between 1 and 10,000,000, was " + users);
        }
        if (messages < 0 || messages > 200_000_000) {
            throw new IllegalArgumentException("messages must be between 0 and 200,000,000, was " + messages);
        }
    }

    /**
     * Reads {@code MLUV_DEMO_USERS}, {@code MLUV_DEMO_MESSAGES} and {@code MLUV_DEMO_SEED}, each
     * defaulting to {@link #DEMO}'s value
     * (declared in {@link MluvSettings}).
     *
     * @param lookup resolves a variable name to its value or {@code null}
     * @return the size
     * @throws IllegalArgumentException when a value is not a number or out of range
     */
    public static DemoDataSize from(Function<String, String> lookup) {
        SettingsReader settings = new SettingsReader(lookup);
        return new DemoDataSize(settings.get(MluvSettings.DEMO_USERS), settings.get(MluvSettings.DEMO_MESSAGES),
                settings.get(MluvSettings.DEMO_SEED));
    }
}
