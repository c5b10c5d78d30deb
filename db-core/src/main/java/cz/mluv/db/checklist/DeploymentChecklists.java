package cz.mluv.db.checklist;

import cz.mluv.db.history.HistoryQueries;
import cz.mluv.db.history.SnapshotSource;
import cz.mluv.db.history.StatementInterval;
import cz.mluv.db.history.StatisticsHistory;
import cz.mluv.db.history.StatsSnapshot;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.CheckStatus;
import cz.mluv.db.verification.VerificationCatalogue;
import cz.mluv.db.verification.VerificationReport;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Deployment records: open one, run its automatic items (their catalogue checks), sign its manual
 * items, close it with a status, read and export it. Who may do this is the caller's business
 * (the admin UI lets deployers only); every write names the user.
 */
@Singleton
public class DeploymentChecklists {

    /** Statuses a record closes with (seed 002's template). */
    public static final Set<String> STATUSES = Set.of("SUCCESS", "PARTIAL", "ROLLBACK");

    private final DeploymentRecordRepository records;
    private final ChecklistItemResultRepository results;
    private final VerificationCatalogue catalogue;
    private final DataSource dataSource;
    private final HistoryQueries history;
    private final StatisticsHistory snapshots;

    // Snapshots looked at to find the one before a deployment's: more than a day of 15-minute ticks.
    private static final int HISTORY_WINDOW = 200;

    /**
     * @param records    the records
     * @param results    their items' results
     * @param catalogue  the checks automatic items run
     * @param dataSource the database checked and measured
     */
    public DeploymentChecklists(DeploymentRecordRepository records, ChecklistItemResultRepository results,
                                VerificationCatalogue catalogue, DataSource dataSource) {
        this.records = records;
        this.results = results;
        this.catalogue = catalogue;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.history = new HistoryQueries(this.dataSource);
        this.snapshots = new StatisticsHistory(this.dataSource);
    }

    /**
     * Opens a record with its baseline performance from the statistics history: a snapshot is taken
     * now, and the baseline is what the statements did between the snapshot before it (the
     * scheduler's, normally) and this one. Without pg_stat_statements the hot reads are timed once
     * instead ({@link PerformanceSnapshot}), and the text says so.
     *
     * @param fromVersion schema version before, non-blank
     * @param toVersion   schema version deployed, non-blank
     * @param by          the user opening it
     * @return the stored record
     * @throws ChecklistException when a version is blank
     * @throws SQLException       when the baseline cannot be measured
     */
    public DeploymentRecord open(String fromVersion, String toVersion, String by) throws SQLException {
        if (isBlank(fromVersion) || isBlank(toVersion)) {
            throw new ChecklistException("both versions (from and to) are needed");
        }
        long snapshot = snapshot();
        String baseline = performance(previousSnapshot(snapshot), snapshot, List.of());
        DeploymentRecord record = records.save(new DeploymentRecord(null, fromVersion.strip(), toVersion.strip(), by, now(),
                baseline, null, null, null, null, null));
        snapshots.attach(snapshot, record.id());
        return record;
    }

    /**
     * @param id a record id
     * @return the record
     * @throws ChecklistException when there is none
     */
    public DeploymentRecord record(long id) {
        return records.findById(id).orElseThrow(() -> new ChecklistException("no deployment record " + id));
    }

    /**
     * @param limit rows, 1..500
     * @return the latest records, newest first
     */
    public List<DeploymentRecord> history(int limit) {
        return records.latest(Math.clamp(limit, 1, 500));
    }

    /**
     * @param id a record id
     * @return every template item with its result so far, in template order
     */
    public List<ItemState> items(long id) {
        Map<String, ChecklistItemResult> byKey = results.byDeployment(id).stream()
                .collect(Collectors.toMap(ChecklistItemResult::itemKey, Function.identity(), (a, b) -> b));
        return ChecklistTemplate.items().stream().map(i -> new ItemState(i, byKey.get(i.key()))).toList();
    }

    /**
     * Runs an automatic item's checks and stores the worst status with one summary line per check.
     *
     * @param id      an open record
     * @param itemKey an automatic item
     * @param by      the user running it
     * @return the stored result
     * @throws ChecklistException when the record is closed or the item is not automatic
     * @throws SQLException       when the database cannot be reached
     */
    public ChecklistItemResult run(long id, String itemKey, String by) throws SQLException {
        requireOpen(id);
        ChecklistItem item = item(itemKey);
        if (!item.automatic()) {
            throw new ChecklistException(item.title() + " is signed by a person, not run");
        }
        List<CheckResult> checked = runChecks(item);
        CheckStatus worst = checked.stream().map(CheckResult::status).max(Comparator.comparingInt(DeploymentChecklists::rank))
                .orElse(CheckStatus.PASS);
        String summary = checked.stream().map(r -> r.status() + " " + r.id() + ": " + r.summary())
                .collect(Collectors.joining("\n"));
        String details = checked.stream().map(r -> "-- " + r.id() + "\n" + r.sql().strip())
                .collect(Collectors.joining("\n\n"));
        results.record(id, itemKey, worst.name(), summary, details, by, now());
        return stored(id, itemKey);
    }

    /**
     * Signs a manual item.
     *
     * @param id      an open record
     * @param itemKey a manual item
     * @param by      the signer
     * @param comment what was done (required)
     * @return the stored result
     * @throws ChecklistException when the record is closed, the item is automatic or the comment blank
     */
    public ChecklistItemResult sign(long id, String itemKey, String by, String comment) {
        requireOpen(id);
        ChecklistItem item = item(itemKey);
        if (item.automatic()) {
            throw new ChecklistException(item.title() + " runs its checks; it is not signed");
        }
        if (isBlank(comment)) {
            throw new ChecklistException("a signature needs a comment saying what was done");
        }
        results.record(id, itemKey, "SIGNED", comment.strip(), null, by, now());
        return stored(id, itemKey);
    }

    /**
     * Closes a record: takes a snapshot for the post-deployment performance (what the statements did
     * since the baseline snapshot, each with its baseline mean) and sets the status. SUCCESS needs
     * every item done and none FAILED.
     *
     * @param id     an open record
     * @param status SUCCESS, PARTIAL or ROLLBACK
     * @param by     who closes it
     * @param notes  free notes (may be blank)
     * @return the closed record
     * @throws ChecklistException when the record is closed already, the status is unknown, or
     *                            SUCCESS is claimed with items open or failed
     * @throws SQLException       when the performance cannot be measured
     */
    public DeploymentRecord close(long id, String status, String by, String notes) throws SQLException {
        requireOpen(id);
        if (status == null || !STATUSES.contains(status)) {
            throw new ChecklistException("status must be one of SUCCESS, PARTIAL, ROLLBACK, was " + status);
        }
        if ("SUCCESS".equals(status)) {
            List<String> blocking = new ArrayList<>();
            for (ItemState s : items(id)) {
                if (!s.done() || "FAIL".equals(s.outcome())) {
                    blocking.add(s.item().title() + " (" + s.outcome() + ")");
                }
            }
            if (!blocking.isEmpty()) {
                throw new ChecklistException("SUCCESS needs every item done and none failed: " + String.join("; ", blocking));
            }
        }
        // The record's baseline snapshot; retention may have deleted it (the post numbers then cover the history kept).
        long baselineSnapshot = history.deploymentSnapshots(id).stream().findFirst().orElse(0L);
        long snapshot = snapshot();
        List<StatementInterval> baseline = baselineSnapshot == 0 ? List.of()
                : history.topStatements(previousSnapshot(baselineSnapshot), baselineSnapshot, 100);
        String post = performance(baselineSnapshot, snapshot, baseline);
        if (records.close(id, status, by, now(), notes == null ? "" : notes.strip(), post) != 1) {
            throw new ChecklistException("deployment record " + id + " is closed already");
        }
        snapshots.attach(snapshot, id);
        return record(id);
    }

    /**
     * @param id a record id
     * @return the record, every item and its result as Markdown (seed 002's "Deployed By / Status" filled in)
     */
    public String markdown(long id) {
        return DeploymentMarkdown.render(record(id), items(id));
    }

    private List<CheckResult> runChecks(ChecklistItem item) throws SQLException {
        if (item.checkIds().equals(List.of(ChecklistItem.WHOLE_CATALOGUE))) {
            VerificationReport report = catalogue.run(dataSource);
            return report.results();
        }
        List<CheckResult> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (CheckId checkId : item.checkIds()) {
                out.add(catalogue.run(checkId, c));
            }
        }
        return out;
    }

    private long snapshot() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return StatisticsHistory.take(c, SnapshotSource.DEPLOYMENT);
        }
    }

    private long previousSnapshot(long snapshot) throws SQLException {
        return history.snapshots(HISTORY_WINDOW).stream().mapToLong(StatsSnapshot::id).filter(i -> i < snapshot).max().orElse(0);
    }

    private String performance(long after, long upTo, List<StatementInterval> baseline) throws SQLException {
        boolean statements = history.snapshots(HISTORY_WINDOW).stream().anyMatch(s -> s.id() == upTo && s.statementsAvailable());
        if (!statements) {
            return measure().text() + " (measured once: pg_stat_statements is not available for the history)";
        }
        return HistoryPerformance.text(after == 0 ? "snapshot " + upTo : "snapshots " + after + ".." + upTo,
                history.topStatements(after, upTo, 100), baseline);
    }

    private PerformanceSnapshot measure() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return PerformanceSnapshot.measure(c);
        }
    }

    private ChecklistItemResult stored(long id, String itemKey) {
        return results.byDeployment(id).stream().filter(r -> r.itemKey().equals(itemKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("result of " + itemKey + " not stored"));
    }

    private void requireOpen(long id) {
        if (record(id).closed()) {
            throw new ChecklistException("deployment record " + id + " is closed");
        }
    }

    private static ChecklistItem item(String key) {
        return ChecklistTemplate.item(key).orElseThrow(() -> new ChecklistException("no checklist item " + key));
    }

    /** PASS < SKIPPED < WARN < FAIL, as {@link CheckStatus} orders them. */
    private static int rank(CheckStatus s) {
        return s.ordinal();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Microseconds: what timestamptz keeps, so a stored time reads back equal. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
