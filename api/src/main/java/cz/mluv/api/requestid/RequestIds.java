package cz.mluv.api.requestid;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids: which client ids are accepted, and new ones. A generated id is this process's
 * random prefix (10 characters, base 32, drawn once at start) and a counter in base 36
 * ({@code k3q9v0c2mf-1z}): unique across instances and restarts without a random draw per
 * request.
 */
public final class RequestIds {

    /** Longest id accepted from a client, characters. */
    public static final int MAX_LENGTH = 128;

    private static final String BASE32 = "0123456789abcdefghijklmnopqrstuv";

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    /** Draws this generator's prefix. */
    public RequestIds() {
        SecureRandom random = new SecureRandom();
        StringBuilder p = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            p.append(BASE32.charAt(random.nextInt(32)));
        }
        prefix = p.append('-').toString();
    }

    /** @return a new id */
    public String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }

    /**
     * @param given the client's {@code X-Request-Id}, or {@code null}
     * @return {@code given} when it has 1..{@value #MAX_LENGTH} characters, all of
     *         {@code A-Z a-z 0-9 . _ ~ : + / = -} (UUIDs, W3C trace ids, base64 fit; nothing that could
     *         split a log line or a header); else {@code null}
     */
    public static String accept(String given) {
        if (given == null || given.isEmpty() || given.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < given.length(); i++) {
            char c = given.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '~' || c == ':' || c == '+' || c == '/' || c == '=' || c == '-';
            if (!safe) {
                return null;
            }
        }
        return given;
    }
}
