package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;

/**
 * {@code status}: current version, pending and failed migrations with their metadata, INVALID
 * indexes, and the expected indexes that are missing (which {@code migrate} restores).
 */
@Command(name = "status",
        description = "Shows the current schema version, the pending and the failed migrations (with risk, "
                + "expected duration and rollback plan), any INVALID index and any missing expected index. Changes nothing.")
final class StatusCommand extends DatabaseCommand {

    @Override
    boolean runsDdl() {
        return false;
    }

    @Override
    int run(DatabaseTarget db) throws SQLException {
        MigrationInfoService info = flyway(db, MigrationVersion.LATEST).info();
        MigrationInfo current = info.current();
        out().println("Database: " + db.description());
        out().println("Current version: " + (current == null ? "none (no migration applied)" : name(current)));
        section("Pending", Arrays.asList(info.pending()));
        List<MigrationInfo> failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).toList();
        section("Failed", failed);
        if (!failed.isEmpty()) {
            out().println("  (migrate refuses to run until `migrate --retry-failed` retries them)");
        }
        List<InvalidIndex> invalid = new InvalidIndexRepair(db.dataSource()).find();
        out().println("INVALID indexes: " + (invalid.isEmpty() ? "none" : invalid.size() + " (migrate rebuilds them)"));
        invalid.forEach(i -> out().println("  " + i.qualifiedName() + " on " + i.table()
                + (i.buildInProgress() ? " (build in progress)" : "")));
        List<ExpectedIndex> missing;
        try (Connection c = db.dataSource().getConnection()) {
            missing = ExpectedIndexes.fromClasspath(tool.resources()).missing(c);
        }
        out().println("Missing expected indexes: " + (missing.isEmpty() ? "none" : missing.size() + " (migrate restores them)"));
        missing.forEach(i -> out().println("  " + i.name() + " on " + i.table() + " (declared in " + i.script() + ")"));
        return DeployTool.OK;
    }

    private void section(String title, List<MigrationInfo> migrations) {
        out().println(title + ": " + (migrations.isEmpty() ? "none" : migrations.size()));
        for (MigrationInfo m : migrations) {
            out().println("  " + name(m) + " [" + m.getState().getDisplayName() + "]");
            out().println("      " + metadataLine(m));
        }
    }
}
