package cz.mluv.benchmarks.report;

import java.util.Locale;

/** Number formats of the report: milliseconds, rates, ratios and sizes. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * @param value milliseconds, or NaN
     * @return 3 significant figures or so ({@code 0.412}, {@code 4.12}, {@code 41.2}, {@code 412}); "–" for NaN
     */
    public static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value < 1) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (value < 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /**
     * @param value a count per second or a plain count
     * @return with thousands separators, no decimals under 1,000 shown as one decimal
     */
    public static String rate(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
    }

    /**
     * @param ratio e.g. 0.42
     * @return {@code 42 %}
     */
    public static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    /**
     * @param factor e.g. 153.2
     * @return {@code 153×}
     */
    public static String times(double factor) {
        if (Double.isNaN(factor) || Double.isInfinite(factor)) {
            return "–";
        }
        return factor < 10 ? String.format(Locale.ROOT, "%.1f×", factor) : String.format(Locale.ROOT, "%,.0f×", factor);
    }

    /**
     * @param bytes a size
     * @return in MB with one decimal
     */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1_048_576.0);
    }

    /**
     * @param value statements per request, or NaN
     * @return two decimals, trailing zeros dropped ({@code 1}, {@code 4}, {@code 1.02})
     */
    public static String statements(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%.2f", value);
        return s.replaceAll("\\.?0+$", "");
    }
}
