package cz.mluv.migrations.deploy;

import cz.mluv.migrations.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dry-run}: lints the migrations (a finding stops it, as it stops {@code migrate}), then prints, in order, the SQL that {@code migrate} would run (INVALID index repairs,
 * the pending migrations, the restore of missing expected indexes), and applies nothing.
 * Flyway's community edition has no dry-run output, so the pending scripts are read from the classpath.
 */
@Command(name = "dry-run",
        description = "Prints the SQL of the pending migrations (all, or up to --target) in order, each under a "
                + "header with its risk, expected duration and rollback plan. Applies nothing.")
final class DryRunCommand extends DatabaseCommand {

    @Option(names = "--target", paramLabel = "VERSION", converter = VersionConverter.class, defaultValue = "latest",
            description = "The version migrate would go to (default: latest).")
    MigrationVersion target;

    @Override
    boolean runsDdl() {
        return false;
    }

    @Override
    int run(DatabaseTarget db) throws SQLException, IOException {
        MigrationLint.requireClean(tool.resources(), out());
        MigrationInfoService info = flyway(db, target).info();
        MigrationInfo current = info.current();
        out().println("-- mluv-deploy dry-run on " + db.description() + ": nothing below has been run.");
        out().println("-- Current version: " + (current == null ? "none" : name(current)));
        out().println("-- Lint: no finding in the migrations (see `lint`)");
        for (InvalidIndex index : new InvalidIndexRepair(db.dataSource()).find()) {
            out().println(index.buildInProgress()
                    ? "-- INVALID index " + index.qualifiedName() + ": a build on its table is in progress; migrate leaves it alone"
                    : "-- migrate first repairs the INVALID index " + index.qualifiedName() + ":\n" + index.repairStatement() + ";");
        }
        Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).forEach(m -> out().println(
                "-- Note: " + name(m) + " FAILED earlier; migrate refuses to run it again without --retry-failed."));
        MigrationInfo[] pending = info.pending();
        if (pending.length == 0) {
            out().println("-- Nothing pending.");
        }
        for (MigrationInfo m : pending) {
            printScript(m);
        }
        List<ExpectedIndex> missing;
        try (Connection c = db.dataSource().getConnection()) {
            missing = ExpectedIndexes.fromClasspath(tool.resources()).missing(c);
        }
        if (!missing.isEmpty()) {
            out().println();
            out().println("-- ==== then migrate restores " + missing.size() + " missing expected index(es) "
                    + "(declared by applied migrations; Flyway does not rerun those), outside a transaction ====");
        }
        for (ExpectedIndex index : missing) {
            out().println("-- " + index.name() + " on " + index.table() + ", declared in " + index.script() + ":");
            out().println(index.restoreStatement() + ";");
        }
        return DeployTool.OK;
    }

    private void printScript(MigrationInfo m) throws IOException {
        String resource = Migrations.LOCATION.substring("classpath:".length()) + "/" + m.getScript();
        String sql;
        try (InputStream in = tool.resources().getResourceAsStream(resource)) {
            if (in == null) {
                throw DeployException.failed("cannot read the script of " + name(m) + " from the classpath: " + resource, null);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        out().println();
        out().println("-- ==== " + name(m) + " (" + resource + ") ====");
        out().println("-- " + metadataLine(m));
        out().println(SqlScript.parse(sql).transactional() ? "-- Runs in one transaction."
                : "-- Runs outside a transaction (CREATE/DROP INDEX CONCURRENTLY and the like), statement by statement.");
        out().println(sql.strip());
    }
}
