package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;

/** rollback and Flyway's migrate exclude each other through the same advisory lock. */
class FlywayLockTest {

    private static final long KEY = FlywayLock.key("public", "flyway_schema_history");

    @Test
    void flywayMigrateHoldsTheLockThatRollbackTakes() {
        TestPostgres.Database db = TestPostgres.newDatabase("flyway_lock");
        List<Long> holdersSeen = new CopyOnWriteArrayList<>();
        Migrations.configure(db.dataSource()).callbacks(new BaseCallback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.BEFORE_EACH_MIGRATE;
            }

            @Override
            public void handle(Event event, Context context) {
                holdersSeen.add(advisoryLockHolders(db));
            }
        }).load().migrate();

        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), holdersSeen);
        assertEquals(0L, advisoryLockHolders(db));
    }

    @Test
    void rollbackGivesUpWhileAnotherDeployHoldsTheLock() throws SQLException {
        TestPostgres.Database db = TestPostgres.newDatabase("flyway_lock_held");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        Cli.Result r;
        try (Connection other = db.connect(); PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
            r = Cli.run(db, "rollback", "--lock-timeout", "300ms");
        }
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("mluv-deploy: another migrate or rollback is running on this database"), r::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"), Sql.appliedVersions(db));

        assertEquals(0, Cli.run(db, "rollback").exitCode(), "the lock is free again");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"), Sql.appliedVersions(db));
        assertEquals(0, Cli.run(db, "migrate").exitCode());
    }

    private static long advisoryLockHolders(TestPostgres.Database db) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND (classid::bigint << 32 | objid::bigint) = ?")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
