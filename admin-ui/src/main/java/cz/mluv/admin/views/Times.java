package cz.mluv.admin.views;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Points in time for people: "3 min ago" on the page, the exact UTC time on hover (the title),
 * instead of raw ISO instants with microseconds.
 */
public final class Times {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /**
     * @param time a past (or present) instant
     * @param now  the present
     * @return {@code just now}, {@code 42 s ago}, {@code 3 min ago}, {@code 5 h ago} or {@code 2 d ago};
     *         {@code in 3 min} for a time in the future
     */
    public static String ago(Instant time, Instant now) {
        long s = Duration.between(time, now).toSeconds();
        if (s < 0) {
            return "in " + amount(-s);
        }
        return s < 5 ? "just now" : amount(s) + " ago";
    }

    private static String amount(long s) {
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h";
        }
        return s / 86_400 + " d";
    }

    /**
     * @param time an instant
     * @return it to the second in UTC, e.g. {@code 2026-11-29 14:08:07 UTC}
     */
    public static String exact(Instant time) {
        return EXACT.format(time);
    }

    /**
     * @param time an instant, or {@code null}
     * @return a span reading "3 min ago" with the exact time as its title; empty for {@code null}
     */
    public static Span span(Instant time) {
        Span span = new Span(time == null ? "" : ago(time, Instant.now()));
        if (time != null) {
            span.getElement().setAttribute("title", exact(time));
            span.addClassName("humane-time");
        }
        return span;
    }
}
