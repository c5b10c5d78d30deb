package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code restore --from SCHEMA}: copies the rows a guarded {@code rollback --allow-data-loss} saved
 * back into the tables a later {@code migrate} re-created ({@link Restore}), holding Flyway's lock
 * so that no migrate or rollback runs beside it. The backup schema stays.
 */
@Command(name = "restore",
        description = {"Copies the rows that `rollback --allow-data-loss` saved into a backup schema back into the tables "
                + "`migrate` re-created, in one transaction: tables in foreign-key order (parents first) keeping their ids "
                + "(OVERRIDING SYSTEM VALUE), dropped columns by primary key; then sets the owned sequences past the restored "
                + "ids and verifies row counts and checksums against the backup's manifest. The backup schema stays.",
                "Refuses (exit 2, nothing changed) when a target table is missing (run migrate first) or already holds rows "
                        + "with a saved key (unless --new-ids gives a history table's rows new ids), or when the backup was changed."})
final class RestoreCommand extends DatabaseCommand {

    @Option(names = "--from", required = true, paramLabel = "SCHEMA",
            description = "The backup schema that rollback printed, e.g. mluv_backup_20261129_120000.")
    String from;

    @Option(names = "--skip", paramLabel = "TABLE", split = ",",
            description = "Leave these saved tables out (table or schema.table; repeatable or comma-separated).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--new-ids", paramLabel = "TABLE", split = ",",
            description = "Give these saved tables' rows new ids from their key's sequence instead of the saved ones: for a "
                    + "history table (e.g. mv_refresh_log) that migrate has started to fill again; only a table whose key is one "
                    + "identity or serial column that no foreign key references.")
    List<String> newIds = new ArrayList<>();

    @Override
    boolean runsDdl() {
        return true;
    }

    @Override
    int run(DatabaseTarget db) throws SQLException {
        Rollback rollback = new Rollback(flyway(db, MigrationVersion.LATEST), db.dataSource(), tool.resources());
        List<Restore.Restored> restored;
        long started = System.nanoTime();
        try (FlywayLock ignored = rollback.lock(); Connection c = db.dataSource().getConnection()) {
            restored = Restore.run(c, from, new LinkedHashSet<>(skip), new LinkedHashSet<>(newIds));
        }
        if (restored.isEmpty()) {
            out().println("Nothing to restore from " + from + ": every table it holds was left out with --skip.");
            return DeployTool.OK;
        }
        for (Restore.Restored r : restored) {
            BackupEntry e = r.entry();
            out().println(e.column()
                    ? "Restored " + r.rows() + " values of column " + e.name() + " by " + String.join(", ", e.keyColumns())
                    : "Restored " + r.rows() + " rows into " + e.name()
                            + (r.newIdsAbove() != null ? " with new ids (above " + r.newIdsAbove() + ")" : "")
                            + (r.sequences().isEmpty() ? "" : "; sequence " + String.join(", ", r.sequences())));
        }
        if (!skip.isEmpty()) {
            out().println("Left out (--skip): " + String.join(", ", skip) + "; their rows stay in " + from + ".");
        }
        out().println("Verified " + restored.size() + " table(s)/column(s): row counts and checksums match the backup's manifest ("
                + (System.nanoTime() - started) / 1_000_000 + " ms, one transaction).");
        out().println("The backup schema " + from + " stays; drop it when you no longer need it: DROP SCHEMA " + from + " CASCADE;");
        return DeployTool.OK;
    }
}
