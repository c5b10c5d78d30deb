package cz.mluv.migrations.deploy;

import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate}: the lint of the migrations ({@link MigrationLint}: a finding stops it before
 * anything is applied), then the {@link SafeMigration} (INVALID index repair, Flyway migrate to the latest or
 * a target version, restore of the missing expected indexes, INVALID index repair again) under the
 * tool's session settings; {@code --retry-failed} retries a migration that FAILED outside a
 * transaction, in the same run.
 */
@Command(name = "migrate",
        description = {"Lints the migrations (see `lint`; a finding stops it before anything is applied), then "
                + "applies the pending migrations (all, or up to --target).",
                "Then restores, with CREATE INDEX CONCURRENTLY as the migrations declare them, the indexes of the "
                        + "applied migrations that are missing (e.g. dropped by hand).",
                "Before and after, rebuilds INVALID indexes (left by a failed CREATE INDEX CONCURRENTLY) "
                        + "with REINDEX INDEX CONCURRENTLY.",
                "A migration that FAILED earlier outside a transaction (e.g. on lock_timeout) stops migrate "
                        + "until --retry-failed is given."})
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--target", paramLabel = "VERSION", converter = VersionConverter.class, defaultValue = "latest",
            description = "The version to migrate to (default: latest).")
    MigrationVersion target;

    @Option(names = "--retry-failed",
            description = {"Retry the migrations that FAILED earlier outside a transaction (e.g. a CREATE INDEX "
                    + "CONCURRENTLY that hit lock_timeout): when every statement of the failed script is idempotent "
                    + "(CREATE ... IF NOT EXISTS, DROP ... IF EXISTS, REINDEX ... CONCURRENTLY), remove its FAILED row, "
                    + "rebuild the INVALID indexes it left and migrate; else refuse (exit 2) naming the statement."})
    boolean retryFailed;

    @Override
    boolean runsDdl() {
        return true;
    }

    @Override
    int run(DatabaseTarget db) throws SQLException {
        MigrationLint.requireClean(tool.resources(), out());
        checkTarget(flyway(db, MigrationVersion.LATEST).info());
        SafeMigration.of(db.dataSource(), settings().lockTimeout())
                .target(target)
                .retryFailed(retryFailed)
                .resources(tool.resources())
                .progress(line -> {
                    out().println(line);
                    out().flush();
                })
                .migrate();
        return DeployTool.OK;
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
}
