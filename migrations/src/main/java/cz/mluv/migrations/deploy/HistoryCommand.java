package cz.mluv.migrations.deploy;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;

/** {@code history}: every applied migration with its date, duration, success and metadata. */
@Command(name = "history",
        description = "Lists the applied migrations in order: when, how long, whether they succeeded, "
                + "and their risk, expected duration and rollback plan. Changes nothing.")
final class HistoryCommand extends DatabaseCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    boolean runsDdl() {
        return false;
    }

    @Override
    int run(DatabaseTarget db) {
        MigrationInfo[] applied = flyway(db, MigrationVersion.LATEST).info().applied();
        if (applied.length == 0) {
            out().println("No migration applied yet.");
            return DeployTool.OK;
        }
        out().println(String.format("%-5s %-8s %-30s %-19s %10s  %s", "Rank", "Version", "Description", "Installed on", "Took", "Success"));
        for (MigrationInfo m : applied) {
            out().println(String.format("%-5s %-8s %-30s %-19s %7d ms  %s", m.getInstalledRank(),
                    m.getVersion() == null ? "" : m.getVersion(), m.getDescription(),
                    m.getInstalledOn() == null ? "" : WHEN.format(m.getInstalledOn().toInstant()),
                    m.getExecutionTime() == null ? 0 : m.getExecutionTime(), m.getState().isFailed() ? "FAILED" : "yes"));
            out().println("      " + metadataLine(m));
        }
        return DeployTool.OK;
    }
}
