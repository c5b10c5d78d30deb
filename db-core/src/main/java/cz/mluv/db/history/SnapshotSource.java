package cz.mluv.db.history;

import java.util.Locale;

/** Who took a statistics snapshot (stats_snapshot.source). */
public enum SnapshotSource {
    /** The scheduler's job, on its cron. */
    SCHEDULE,
    /** Opening or closing a deployment record: its baseline or post numbers. */
    DEPLOYMENT,
    /** A person, from the console. */
    MANUAL;

    /** @return the value stored in stats_snapshot.source */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
