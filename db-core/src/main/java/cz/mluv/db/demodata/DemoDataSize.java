package cz.mluv.db.demodata;

import java.util.function.Function;

/**
 * How much demo data to load, and the seed that makes it repeatable.
 *
 * @param users    number of users (at least 1)
 * @param messages number of messages, user and assistant together (even; at least 0)
 * @param seed     random seed: the same seed and size give the same rows
 */
public record DemoDataSize(int users, long messages, long seed) {

    /** The default of the main job: 10,000 users, 200,000 messages. */
    public static final DemoDataSize DEMO = new DemoDataSize(10_000, 200_000, 42);
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
     * defaulting to {@link #DEMO}'s value.
     *
     * @param lookup resolves a variable name to its value or {@code null}
     * @return the size
     * @throws IllegalArgumentException when a value is not a number or out of range
     */
    public static DemoDataSize from(Function<String, String> lookup) {
        return new DemoDataSize(
                (int) number(lookup, "MLUV_DEMO_USERS", DEMO.users()),
                number(lookup, "MLUV_DEMO_MESSAGES", DEMO.messages()),
                number(lookup, "MLUV_DEMO_SEED", DEMO.seed()));
    }

    private static long number(Function<String, String> lookup, String name, long fallback) {
        String v = lookup.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was: " + v, e);
        }
    }
}
