package cz.mluv.migrations.deploy;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.RepairResult;
import picocli.CommandLine.Command;

/**
 * {@code repair}: Flyway's (free) repair. After a migration failed outside a transaction (e.g. a
 * concurrent index build that hit lock_timeout), Flyway keeps a FAILED row and refuses to migrate;
 * this removes such rows so that {@code migrate} retries the migration. {@code migrate --retry-failed}
 * does that in one step for idempotent scripts; this is the manual way for the others.
 */
@Command(name = "repair",
        description = {"Removes FAILED migrations from flyway_schema_history (Flyway repair) so that migrate retries them.",
                "Also realigns the checksums of applied migrations. Undo any half-done change first "
                        + "(Mluv's migrations are idempotent: IF NOT EXISTS, and migrate rebuilds INVALID indexes)."})
final class RepairCommand extends DatabaseCommand {

    @Override
    boolean runsDdl() {
        return true;
    }

    @Override
    int run(DatabaseTarget db) {
        RepairResult result = flyway(db, MigrationVersion.LATEST).repair();
        out().println("Removed " + result.migrationsRemoved.size() + " failed migration(s) from the schema history"
                + (result.migrationsRemoved.isEmpty() ? "" : ": " + String.join(", ",
                        result.migrationsRemoved.stream().map(m -> "V" + m.version + " " + m.description).toList()))
                + "; realigned " + result.migrationsAligned.size() + " checksum(s).");
        return DeployTool.OK;
    }
}
