package cz.mluv.db.checklist;

import cz.mluv.db.verification.CheckId;
import java.util.List;
import java.util.Optional;

/** The items every deployment record walks, in order: the seeds' checklists as design.md merges them. */
public final class ChecklistTemplate {

    private static final List<ChecklistItem> ITEMS = List.of(
            manual("pre-backup", Phase.PRE, "Full database backup taken", "seeds 000, 001, 003"),
            manual("pre-staging", Phase.PRE, "Tested on the staging environment", "seed 003"),
            automatic("pre-disk-space", Phase.PRE, "Disk space for the new indexes (index / table sizes)",
                    "seed 003: indexes ~20-30 % of table size", CheckId.INDEX_SIZE_RATIO),
            manual("pre-off-peak", Phase.PRE, "Deployment scheduled off-peak", "seed 003"),
            automatic("pre-current-version", Phase.PRE, "Current schema version recorded, migrations consistent",
                    "seed 000: alembic current", CheckId.MIGRATIONS_APPLIED),
            automatic("during-lock-waits", Phase.DURING, "No session waits on a lock",
                    "seed 003: SELECT * FROM pg_stat_activity WHERE wait_event_type = 'Lock'", CheckId.LOCK_WAITS),
            automatic("during-index-builds", Phase.DURING, "Index builds progressing",
                    "seed 003: SELECT * FROM pg_stat_progress_create_index", CheckId.INDEX_BUILD_PROGRESS),
            automatic("post-catalogue", Phase.POST, "Verification catalogue: every check",
                    "design: Verification catalogue; seeds 001, 003, 004", ChecklistItem.WHOLE_CATALOGUE),
            automatic("post-analyze", Phase.POST, "ANALYZE done on the affected tables", "seed 003",
                    CheckId.STATISTICS_AGE),
            automatic("post-refresh-schedule", Phase.POST, "View refresh schedule running (view fresh)",
                    "seed 001: Celery beat is refreshing views hourly", CheckId.VIEW_FRESHNESS),
            automatic("post-p95", Phase.POST, "No slow queries: p95 within targets",
                    "seed 001: no slow query logs (> 100 ms); design targets", CheckId.SLOW_QUERIES),
            manual("post-services", Phase.POST, "Services restarted and logs monitored for errors",
                    "seeds 000, 001, 004"));

    private ChecklistTemplate() {
    }

    /** @return every item, pre first, then during, then post */
    public static List<ChecklistItem> items() {
        return ITEMS;
    }

    /**
     * @param key an item key
     * @return the item, or empty when the template has none with that key
     */
    public static Optional<ChecklistItem> item(String key) {
        return ITEMS.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    private static ChecklistItem manual(String key, Phase phase, String title, String source) {
        return new ChecklistItem(key, phase, title, List.of(), source);
    }

    private static ChecklistItem automatic(String key, Phase phase, String title, String source, CheckId... checks) {
        return new ChecklistItem(key, phase, title, List.of(checks), source);
    }
}
