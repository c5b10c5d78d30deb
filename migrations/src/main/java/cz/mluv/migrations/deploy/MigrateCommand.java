package cz.mluv.migrations.deploy;

import cz.mluv.migrations.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate}: INVALID index repair, Flyway migrate (to the latest or a target version), restore
 * of the expected indexes that are missing (dropped by hand: Flyway does not rerun an applied
 * migration), INVALID index repair again.
 */
@Command(name = "migrate",
        description = {"Applies the pending migrations (all, or up to --target).",
                "Then restores, with CREATE INDEX CONCURRENTLY as the migrations declare them, the indexes of the "
                        + "applied migrations that are missing (e.g. dropped by hand).",
                "Before and after, rebuilds INVALID indexes (left by a failed CREATE INDEX CONCURRENTLY) "
                        + "with REINDEX INDEX CONCURRENTLY."})
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--target", paramLabel = "VERSION", converter = VersionConverter.class, defaultValue = "latest",
            description = "The version to migrate to (default: latest).")
    MigrationVersion target;

    @Override
    boolean runsDdl() {
        return true;
    }

    @Override
    int run(DatabaseTarget db) throws SQLException {
        checkTarget(flyway(db, MigrationVersion.LATEST).info());
        Flyway flyway = Migrations.configure(db.dataSource()).target(target)
                .callbacks(new MigrationProgress(out(), this::metadataLine)).load();
        InvalidIndexRepair repair = new InvalidIndexRepair(db.dataSource());
        report("before migrate", repair.repairAll());
        MigrateResult result = flyway.migrate();
        reportApplied(result);
        List<IndexRestore> restored = restoreMissingIndexes(db);
        List<IndexRepair> after = report("after migrate", repair.repairAll());
        // The repair after migrate retries whatever the one before could not fix: its failures are what is left.
        List<String> stillInvalid = after.stream().filter(IndexRepair::failed).map(r -> r.index().qualifiedName()).distinct().toList();
        List<String> notRestored = restored.stream().filter(IndexRestore::failed).map(r -> r.index().name()).toList();
        if (!stillInvalid.isEmpty() || !notRestored.isEmpty()) {
            String invalid = stillInvalid.isEmpty() ? "" : stillInvalid.size() + " INVALID index(es) could not be rebuilt: "
                    + String.join(", ", stillInvalid);
            String missing = notRestored.isEmpty() ? "" : notRestored.size() + " missing expected index(es) could not be restored: "
                    + String.join(", ", notRestored);
            throw DeployException.failed((invalid.isEmpty() || missing.isEmpty() ? invalid + missing : missing + "; " + invalid)
                    + " (see above; fix the cause, e.g. duplicate rows, and run migrate again)", null);
        }
        return DeployTool.OK;
    }

    // Flyway does not rerun an applied migration, so an index it built and someone dropped stays missing.
    private List<IndexRestore> restoreMissingIndexes(DatabaseTarget db) throws SQLException {
        ExpectedIndexes expected = ExpectedIndexes.fromClasspath(tool.resources());
        List<IndexRestore> restored;
        try (Connection c = db.dataSource().getConnection()) {
            restored = expected.restore(c);
        }
        if (restored.isEmpty()) {
            out().println("Missing expected indexes: none");
        }
        restored.forEach(r -> out().println("Missing expected indexes: " + r.describe()));
        return restored;
    }

    private void checkTarget(MigrationInfoService info) {
        if (target.equals(MigrationVersion.LATEST)) {
            return;
        }
        boolean known = Arrays.stream(info.all()).anyMatch(m -> target.equals(m.getVersion()));
        if (!known) {
            throw DeployException.usage("no migration has version " + target + " (see `status`)");
        }
        MigrationInfo current = info.current();
        if (current != null && current.getVersion() != null && current.getVersion().isNewerThan(target)) {
            throw DeployException.usage("the schema is at version " + current.getVersion() + ", above --target " + target
                    + ": use `rollback --to " + target + "` to go down");
        }
    }

    private List<IndexRepair> report(String when, List<IndexRepair> repairs) {
        if (repairs.isEmpty()) {
            out().println("INVALID indexes " + when + ": none");
        }
        repairs.forEach(r -> out().println("INVALID indexes " + when + ": " + r.describe()));
        return repairs;
    }

    private void reportApplied(MigrateResult result) {
        if (result.migrationsExecuted == 0) {
            out().println("Schema is up to date at version " + orNone(result.initialSchemaVersion) + "; nothing to apply.");
            return;
        }
        out().println("Applied " + result.migrationsExecuted + " migration(s), schema version "
                + orNone(result.initialSchemaVersion) + " -> " + orNone(result.targetSchemaVersion) + ":");
        for (MigrateOutput m : result.migrations) {
            out().println("  V" + m.version + " " + m.description + " (" + m.executionTime + " ms)");
        }
    }

    private static String orNone(String version) {
        return version == null ? "none" : version;
    }
}
