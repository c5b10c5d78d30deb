package cz.mluv.admin.layout;

import com.vaadin.flow.component.html.Span;

/** A coloured status label: green PASS / SIGNED / SUCCESS, amber WARN / PARTIAL, red FAIL / ROLLBACK, grey otherwise. */
public final class StatusBadge {

    private StatusBadge() {
    }

    /**
     * @param status a status name
     * @return a badge with class {@code status-<STATUS>}, spaces as hyphens (tests select on it)
     */
    public static Span of(String status) {
        Span badge = new Span(status);
        badge.addClassName("status-" + status.replace(' ', '-'));
        badge.getStyle().set("padding", "0.1em 0.6em").set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "600")
                .set("color", foreground(status)).set("background", background(status));
        return badge;
    }

    private static String background(String status) {
        return switch (status) {
            case "PASS", "SIGNED", "SUCCESS", "Refreshed" -> "#d6f5e0";
            case "WARN", "PARTIAL", "Skipped" -> "#fdf0c8";
            case "FAIL", "ROLLBACK", "FAILED", "Failed" -> "#fbd9d9";
            default -> "#e8ebef";
        };
    }

    private static String foreground(String status) {
        return switch (status) {
            case "PASS", "SIGNED", "SUCCESS", "Refreshed" -> "#11612f";
            case "WARN", "PARTIAL", "Skipped" -> "#7a5600";
            case "FAIL", "ROLLBACK", "FAILED", "Failed" -> "#a01818";
            default -> "#3b4552";
        };
    }
}
