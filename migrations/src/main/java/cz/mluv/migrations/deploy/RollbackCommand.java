package cz.mluv.migrations.deploy;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rollback}: one step, or down to {@code --to VERSION}, with each migration's rollback script. */
@Command(name = "rollback",
        description = {"Undoes the newest applied migration, or every one above --to, newest first, with "
                + "db/rollback/R<version>__<description>.sql, and deletes their rows from flyway_schema_history "
                + "so that a later migrate applies them again.",
                "Refuses (exit 2, nothing changed) when a migration to undo has no rollback script."})
final class RollbackCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "VERSION", converter = VersionConverter.class,
            description = "The version to end at (0: undo everything). Default: one step.")
    MigrationVersion to;

    @Override
    boolean runsDdl() {
        return true;
    }

    @Override
    int run(DatabaseTarget db) throws SQLException {
        Rollback rollback = new Rollback(flyway(db, MigrationVersion.LATEST), db.dataSource(), tool.resources());
        try (FlywayLock ignored = rollback.lock()) {
            return run(rollback);
        }
    }

    private int run(Rollback rollback) {
        Optional<MigrationVersion> current = rollback.currentVersion();
        if (to != null && (MigrationVersion.LATEST.equals(to) || current.isPresent() && to.isNewerThan(current.get()))) {
            throw DeployException.usage("--to " + to + " is not below the current version " + current.map(String::valueOf).orElse("none"));
        }
        List<RollbackStep> steps = rollback.plan(to);
        if (steps.isEmpty()) {
            out().println("Nothing to roll back: the schema is at version " + current.map(String::valueOf).orElse("none") + ".");
            return DeployTool.OK;
        }
        refuseWithoutScripts(steps);
        for (RollbackStep step : steps) {
            out().println("Rolling back " + step.label() + " with " + step.rollbackResource().orElseThrow() + " ...");
            long started = System.nanoTime();
            rollback.run(step);
            out().println("  done in " + (System.nanoTime() - started) / 1_000_000 + " ms; removed from the schema history");
        }
        out().println("Schema now at version " + rollback.currentVersion().map(String::valueOf).orElse("none")
                + "; `migrate` applies the rolled-back migrations again.");
        return DeployTool.OK;
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
