package cz.mluv.api.caching;

import java.time.Instant;

/** The entity tags of cached reads and RFC 9110's weak comparison for {@code If-None-Match}. */
final class EntityTags {

    private EntityTags() {
    }

    /**
     * @param generation the view's generation token
     * @param key        the request key
     * @param validUntil when the answer changes with the time, or {@code null}
     * @return the strong tag, quoted: {@code "<generation>-<key hash, hex>[-<valid until, epoch s, base 36>]"}
     */
    static String of(String generation, String key, Instant validUntil) {
        StringBuilder tag = new StringBuilder(40).append('"').append(generation).append('-').append(Integer.toHexString(key.hashCode()));
        if (validUntil != null) {
            tag.append('-').append(Long.toString(validUntil.getEpochSecond(), 36));
        }
        return tag.append('"').toString();
    }

    /**
     * @param ifNoneMatch the header's value: {@code *} or a comma-separated list of tags, weak or strong
     * @param etag        the current tag, quoted
     * @return whether the header names the current tag (weak comparison: {@code W/} ignored)
     */
    static boolean matches(String ifNoneMatch, String etag) {
        int i = 0;
        int n = ifNoneMatch.length();
        while (i < n) {
            while (i < n && (ifNoneMatch.charAt(i) == ' ' || ifNoneMatch.charAt(i) == ',' || ifNoneMatch.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (ifNoneMatch.charAt(i) == '*') {
                return true;
            }
            if (ifNoneMatch.startsWith("W/", i)) {
                i += 2;
            }
            int end = ifNoneMatch.indexOf(',', i);
            end = end < 0 ? n : end;
            String candidate = ifNoneMatch.substring(i, end).trim();
            if (candidate.equals(etag)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }
}
