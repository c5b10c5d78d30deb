package cz.mluv.admin.views;

import java.util.Locale;

/** Durations for people: {@code 850 ms}, {@code 12.3 s}, {@code 4.2 min}, {@code 3.1 h}, {@code 2.0 d}. */
public final class Ages {

    private Ages() {
    }

    /**
     * @param ms a duration, milliseconds
     * @return it in the largest unit that keeps it at 1 or more
     */
    public static String text(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        double s = ms / 1000.0;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        if (s < 86400) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.1f d", s / 86400);
    }
}
