package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

class RollbackBackupTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private static final RollbackStep R5 = new RollbackStep(MigrationVersion.fromVersion("5"), "admin console", "V5__admin_console.sql",
            RollbackStep.expectedRollbackResource("V5__admin_console.sql"));

    @Test
    void aSecondBackupInTheSameSecondGetsItsOwnSchemaAndBothMatchTheirSource() throws SQLException {
        TestPostgres.Database db = migratedWithConsoleRows("backup_names");
        try (Connection c = db.connect()) {
            List<StakedObject> lost = lost(c);
            assertEquals("mluv_backup_20261129_120000", Backup.save(c, lost, "V6", "V4", NOON).schema());
            Backup.Saved second = Backup.save(c, lost, "V6", "V4", NOON);
            assertEquals("mluv_backup_20261129_120000_2", second.schema());
            assertEquals(List.of(6L, 2L, 2L), second.entries().stream().map(BackupEntry::rowCount).toList());

            c.setAutoCommit(false);
            Backup.checkUnchanged(c, second.entries(), R5);
            c.rollback();
            c.setAutoCommit(true);
        }
        assertEquals("Rows saved by mluv-deploy rollback from V6 to V4 before dropping them. Restore after migrate: "
                        + "./mluv deploy restore --from mluv_backup_20261129_120000. Never dropped automatically.",
                Sql.string(db, "SELECT obj_description('mluv_backup_20261129_120000'::regnamespace, 'pg_namespace')"));
    }

    @Test
    void aRowWrittenAfterTheBackupStopsTheDrop() throws SQLException {
        TestPostgres.Database db = migratedWithConsoleRows("backup_changed");
        try (Connection c = db.connect()) {
            Backup.Saved saved = Backup.save(c, lost(c), "V6", "V4", NOON);
            Sql.exec(db, "INSERT INTO admin_user (username, password_hash, role) VALUES ('late', 'x', 'viewer')");

            c.setAutoCommit(false);
            DeployException e = assertThrows(DeployException.class, () -> Backup.checkUnchanged(c, saved.entries(), R5));
            c.rollback();
            assertEquals(DeployTool.FAILED, e.exitCode());
            assertEquals("the rows of public.admin_user changed after the backup was taken (2 saved, 3 now): V5 (admin console) was "
                    + "not rolled back; stop the writers and run the rollback again (it takes a new backup)", e.getMessage());
        }
    }

    private static List<StakedObject> lost(Connection c) throws SQLException {
        Rollback rollback = new Rollback(null, null, RollbackBackupTest.class.getClassLoader());
        return DataAtStake.find(c, List.of(R5), rollback::script).stream().filter(StakedObject::dataLoss).toList();
    }

    private static TestPostgres.Database migratedWithConsoleRows(String name) {
        TestPostgres.Database db = TestPostgres.newDatabase(name);
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        ConsoleRows.insert(db);
        return db;
    }
}
