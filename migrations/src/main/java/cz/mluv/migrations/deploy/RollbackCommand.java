package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rollback}: one step, or down to {@code --to VERSION}, with each migration's rollback script,
 * guarded against silent data loss: it first lists every table, column and view the scripts drop
 * ({@link DataAtStake}) and refuses (exit 2, nothing changed) when a dropped table or column holds
 * rows, unless {@code --allow-data-loss}, which saves those rows into a backup schema first
 * ({@link Backup}) and prints how to {@code restore} them. {@code --dry-run} prints the plan only.
 */
@Command(name = "rollback",
        description = {"Undoes the newest applied migration, or every one above --to, newest first, with "
                + "db/rollback/R<version>__<description>.sql, and deletes their rows from flyway_schema_history "
                + "so that a later migrate applies them again.",
                "First lists every table, column and (materialized) view the scripts drop, with its rows. Refuses "
                        + "(exit 2, nothing changed) when a dropped table or column holds rows, unless --allow-data-loss; "
                        + "a view's rows are derived and never block it.",
                "Refuses (exit 2, nothing changed) when a migration to undo has no rollback script."})
final class RollbackCommand extends DatabaseCommand {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Option(names = "--to", paramLabel = "VERSION", converter = VersionConverter.class,
            description = "The version to end at (0: undo everything). Default: one step.")
    MigrationVersion to;

    @Option(names = "--allow-data-loss",
            description = "Roll back even though dropped tables or columns hold rows: the rows are first saved, in one "
                    + "transaction, into a new schema mluv_backup_<yyyyMMdd_HHmmss> of the same database (with a manifest "
                    + "of row counts and checksums); `restore --from <schema>` copies them back after the next migrate.")
    boolean allowDataLoss;

    @Option(names = "--dry-run",
            description = "Print the steps, the SQL of each rollback script and the rows at stake; change nothing.")
    boolean dryRun;

    @Override
    boolean runsDdl() {
        return true;
    }

    @Override
    int run(DatabaseTarget db) throws SQLException {
        Rollback rollback = new Rollback(flyway(db, MigrationVersion.LATEST), db.dataSource(), tool.resources());
        if (dryRun) {
            return dryRun(rollback, db);
        }
        try (FlywayLock ignored = rollback.lock()) {
            return run(rollback, db);
        }
    }

    private int run(Rollback rollback, DatabaseTarget db) throws SQLException {
        Optional<MigrationVersion> current = rollback.currentVersion();
        List<RollbackStep> steps = plan(rollback, current);
        if (steps.isEmpty()) {
            out().println("Nothing to roll back: the schema is at version " + current.map(String::valueOf).orElse("none") + ".");
            return DeployTool.OK;
        }
        String target = target(rollback, steps);
        List<StakedObject> stake = stake(rollback, db, steps);
        out().println("Rolling back to " + target + " drops " + (stake.isEmpty() ? "no table, column or view." : "these (rows now):"));
        stake.forEach(o -> out().println("  " + o.describe() + "  [" + o.step().label() + "]"));
        List<StakedObject> lost = stake.stream().filter(StakedObject::dataLoss).toList();
        if (!lost.isEmpty() && !allowDataLoss) {
            throw DeployException.usage(refusal(target, lost));
        }
        Backup.Saved saved = lost.isEmpty() ? null : backUp(db, lost, current, target);
        Map<RollbackStep, List<BackupEntry>> savedByStep = bySteps(lost, saved);
        try {
            for (RollbackStep step : steps) {
                out().println("Rolling back " + step.label() + " with " + step.rollbackResource().orElseThrow() + " ...");
                long started = System.nanoTime();
                List<BackupEntry> entries = savedByStep.getOrDefault(step, List.of());
                rollback.run(step, entries.isEmpty() ? Rollback.BeforeDrops.NONE : c -> Backup.checkUnchanged(c, entries, step));
                out().println("  done in " + (System.nanoTime() - started) / 1_000_000 + " ms; removed from the schema history");
            }
            out().println("Schema now at version " + rollback.currentVersion().map(String::valueOf).orElse("none")
                    + "; `migrate` applies the rolled-back migrations again.");
        } finally {
            // Also when a step failed: the rows of the steps that ran are in the backup.
            if (saved != null) {
                printRestoreHint(saved.schema());
            }
        }
        return DeployTool.OK;
    }

    private void printRestoreHint(String schema) {
        out().println("To restore the saved rows, re-create the tables and copy them back:");
        out().println("  ./mluv deploy migrate");
        out().println("  ./mluv deploy restore --from " + schema);
        out().println("The backup schema is never dropped automatically; when you no longer need it: DROP SCHEMA " + schema + " CASCADE;");
    }

    private Backup.Saved backUp(DatabaseTarget db, List<StakedObject> lost, Optional<MigrationVersion> current, String target)
            throws SQLException {
        long started = System.nanoTime();
        Backup.Saved saved;
        try (Connection c = db.dataSource().getConnection()) {
            saved = Backup.save(c, lost, current.map(v -> "V" + v).orElse(null), target, Clock.systemUTC());
        } catch (SQLException e) {
            // The backup transaction was rolled back: no schema, no drop.
            String message = "could not save the rows into a backup schema: " + Failure.describe(e) + "; nothing was changed";
            throw INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())
                    ? DeployException.usage(message + " (the user needs CREATE on the database)", e)
                    : DeployException.failed(message, e);
        }
        out().println("Saved " + StakedObject.rows(saved.rows()) + " of " + saved.entries().size() + " table(s)/column(s) into backup "
                + "schema " + saved.schema() + " (manifest " + saved.schema() + "." + Backup.MANIFEST + ") in "
                + (System.nanoTime() - started) / 1_000_000 + " ms:");
        saved.entries().forEach(e -> out().println("  " + e.name() + ": " + StakedObject.rows(e.rowCount()) + ", checksum "
                + e.checksum() + " -> " + saved.schema() + "." + e.backupTable()));
        return saved;
    }

    private int dryRun(Rollback rollback, DatabaseTarget db) throws SQLException {
        Optional<MigrationVersion> current = rollback.currentVersion();
        List<RollbackStep> steps = plan(rollback, current);
        out().println("-- mluv-deploy rollback --dry-run on " + db.description() + ": nothing below has been run.");
        out().println("-- Current version: " + current.map(String::valueOf).orElse("none"));
        if (steps.isEmpty()) {
            out().println("-- Nothing to roll back.");
            return DeployTool.OK;
        }
        String target = target(rollback, steps);
        for (RollbackStep step : steps) {
            String resource = step.rollbackResource().orElseThrow();
            out().println();
            out().println("-- ==== " + step.label() + ": " + resource + " ====");
            out().println(rollback.script(step).transactional()
                    ? "-- Runs in one transaction with the delete of its schema-history row."
                    : "-- Runs outside a transaction (DROP INDEX CONCURRENTLY and the like), statement by statement.");
            out().println(rollback.scriptText(step).strip());
        }
        List<StakedObject> stake = stake(rollback, db, steps);
        List<StakedObject> lost = stake.stream().filter(StakedObject::dataLoss).toList();
        out().println();
        out().println("-- ==== Rows at stake: rolling back to " + target + " drops ====");
        if (stake.isEmpty()) {
            out().println("-- no existing table, column or view.");
        }
        stake.forEach(o -> out().println("-- " + o.describe() + "  [" + o.step().label() + "]"));
        long rows = lost.stream().mapToLong(StakedObject::rows).sum();
        out().println(lost.isEmpty()
                ? "-- No stored row is lost: rollback runs without --allow-data-loss."
                : "-- " + StakedObject.rows(rows) + " of stored data would be lost: rollback refuses without --allow-data-loss, "
                        + "and with it saves them into a backup schema mluv_backup_<yyyyMMdd_HHmmss> first.");
        return DeployTool.OK;
    }

    private List<RollbackStep> plan(Rollback rollback, Optional<MigrationVersion> current) {
        if (to != null && (MigrationVersion.LATEST.equals(to) || current.isPresent() && to.isNewerThan(current.get()))) {
            throw DeployException.usage("--to " + to + " is not below the current version " + current.map(String::valueOf).orElse("none"));
        }
        List<RollbackStep> steps = rollback.plan(to);
        refuseWithoutScripts(steps);
        return steps;
    }

    private static String target(Rollback rollback, List<RollbackStep> steps) {
        return rollback.versionAfter(steps).map(v -> "V" + v).orElse("V0 (empty schema)");
    }

    private static List<StakedObject> stake(Rollback rollback, DatabaseTarget db, List<RollbackStep> steps) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return DataAtStake.find(c, steps, rollback::script);
        }
    }

    private static String refusal(String target, List<StakedObject> lost) {
        long rows = lost.stream().mapToLong(StakedObject::rows).sum();
        return "refusing to roll back to " + target + ": it would drop " + StakedObject.rows(rows) + " of stored data: "
                + lost.stream().map(o -> o.name() + " (" + StakedObject.rows(o.rows()) + (o.column() == null ? ")" : " not null)"))
                .collect(Collectors.joining(", "))
                + "; nothing was changed. Rerun with --allow-data-loss to save them into a backup schema first (restore them after "
                + "the next migrate with ./mluv deploy restore --from <schema>), or see the SQL with --dry-run";
    }

    private static Map<RollbackStep, List<BackupEntry>> bySteps(List<StakedObject> lost, Backup.Saved saved) {
        Map<RollbackStep, List<BackupEntry>> map = new HashMap<>();
        if (saved != null) {
            for (int i = 0; i < lost.size(); i++) {
                map.computeIfAbsent(lost.get(i).step(), s -> new ArrayList<>()).add(saved.entries().get(i));
            }
        }
        return map;
    }

    private static void refuseWithoutScripts(List<RollbackStep> steps) {
        List<RollbackStep> missing = steps.stream().filter(s -> s.rollbackResource().isEmpty()).toList();
        if (!missing.isEmpty()) {
            RollbackStep first = missing.getFirst();
            throw DeployException.usage("refusing to roll back past " + first.label() + ": it has no rollback script "
                    + RollbackStep.expectedRollbackResource(first.migrationScript()).orElse("(not a versioned SQL migration)")
                    + "; nothing was rolled back");
        }
    }
}
