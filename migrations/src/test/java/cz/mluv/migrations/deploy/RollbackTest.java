package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RollbackTest {

    private static final List<String> ALL = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
    private static TestPostgres.Database db;

    @BeforeAll
    static void migratedDatabaseWithRows() {
        db = TestPostgres.newDatabase("rollback");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        DemoRows.insert(db, 300);
    }

    @BeforeEach
    void atTheLatestVersion() {
        Cli.Result r = Cli.run(db, "migrate");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(ALL, Sql.appliedVersions(db));
    }

    @Test
    void rollingBackToVersionOneAndMigratingAgainLosesNoRow() {
        Map<String, List<String>> before = DemoRows.fingerprint(db);
        assertEquals("300", before.get("users").getFirst());
        assertEquals("900", before.get("messages").getFirst());

        Cli.Result down = Cli.run(db, "rollback", "--to", "1", "--allow-data-loss");
        assertEquals(0, down.exitCode(), down::toString);
        assertTrue(down.out().contains("into backup schema mluv_backup_"), down::toString);
        assertTrue(down.out().contains("  public.mv_refresh_log: "), down::toString);
        assertEquals(List.of("1"), Sql.appliedVersions(db));
        assertFalse(Sql.relations(db).contains("user_stats_summary"));
        assertFalse(Sql.relations(db).contains("mv_refresh_log"));
        assertNull(Sql.strings(db, "SELECT to_regclass('idx_messages_user_created')").getFirst());
        assertEquals(before, DemoRows.fingerprint(db));

        Cli.Result up = Cli.run(db, "migrate");
        assertEquals(0, up.exitCode(), up::toString);
        assertTrue(up.out().contains("Applied 14 migration(s), schema version 1 -> 15"), up::toString);
        assertEquals(ALL, Sql.appliedVersions(db));
        assertEquals(before, DemoRows.fingerprint(db));
        assertTrue(Sql.validIndex(db, "idx_messages_user_created"));
        assertEquals(300, Sql.number(db, "SELECT count(*) FROM user_stats_summary"));
    }

    @Test
    void oneStepUndoesOnlyTheNewestMigrationAndMigrateAppliesItAgain() {
        Cli.Result dropTime = Cli.run(db, "rollback");
        assertEquals(0, dropTime.exitCode(), dropTime::toString);
        assertTrue(dropTime.out().contains("Rolling back V15 (drop messages search time index) with "
                + "db/rollback/R15__drop_messages_search_time_index.sql"), dropTime::toString);
        assertTrue(Sql.validIndex(db, "idx_messages_search_time"));

        Cli.Result hours = Cli.run(db, "rollback");
        assertEquals(0, hours.exitCode(), hours::toString);
        assertTrue(hours.out().contains("Rolling back V14 (search messages hours) with db/rollback/R14__search_messages_hours.sql"),
                hours::toString);
        // V10's function again: its windows read minutes (V14's read hours).
        assertTrue(Sql.string(db, "SELECT prosrc FROM pg_proc WHERE proname = 'search_messages'").contains("'minute'"));

        Cli.Result hourIndex = Cli.run(db, "rollback");
        assertEquals(0, hourIndex.exitCode(), hourIndex::toString);
        assertTrue(hourIndex.out().contains("Rolling back V13 (messages search hour index) with "
                + "db/rollback/R13__messages_search_hour_index.sql"), hourIndex::toString);
        assertNull(Sql.strings(db, "SELECT to_regclass('idx_messages_search_hour')").getFirst());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"), Sql.appliedVersions(db));

        Cli.Result history = Cli.run(db, "rollback");
        assertEquals(0, history.exitCode(), history::toString);
        assertTrue(history.out().contains("Rolling back V12 (statistics history) with db/rollback/R12__statistics_history.sql"),
                history::toString);
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_class WHERE relname = 'stats_snapshot'"));

        Cli.Result timeIndex = Cli.run(db, "rollback");
        assertEquals(0, timeIndex.exitCode(), timeIndex::toString);
        assertTrue(timeIndex.out().contains("Rolling back V11 (messages search time index) with db/rollback/R11__messages_search_time_index.sql"),
                timeIndex::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), Sql.appliedVersions(db));
        assertNull(Sql.strings(db, "SELECT to_regclass('idx_messages_search_time')").getFirst());

        Cli.Result paths = Cli.run(db, "rollback");
        assertEquals(0, paths.exitCode(), paths::toString);
        assertTrue(paths.out().contains("Rolling back V10 (search messages paths) with db/rollback/R10__search_messages_paths.sql"),
                paths::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), Sql.appliedVersions(db));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_extension WHERE extname = 'btree_gin'"));
        // V9's function again: STABLE (V10's is VOLATILE, for its EXPLAIN).
        assertEquals("s", Sql.string(db, "SELECT provolatile FROM pg_proc WHERE proname = 'search_messages'"));

        Cli.Result search = Cli.run(db, "rollback");
        assertEquals(0, search.exitCode(), search::toString);
        assertTrue(search.out().contains("Rolling back V9 (search messages) with db/rollback/R9__search_messages.sql"), search::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), Sql.appliedVersions(db));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_proc WHERE proname = 'search_messages'"));
        assertTrue(Sql.validIndex(db, "idx_messages_created"));

        Cli.Result index = Cli.run(db, "rollback");
        assertEquals(0, index.exitCode(), index::toString);
        assertTrue(index.out().contains("Rolling back V8 (messages created index) with db/rollback/R8__messages_created_index.sql"),
                index::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), Sql.appliedVersions(db));
        assertNull(Sql.strings(db, "SELECT to_regclass('idx_messages_created')").getFirst());

        Cli.Result ranks = Cli.run(db, "rollback");
        assertEquals(0, ranks.exitCode(), ranks::toString);
        assertTrue(ranks.out().contains("Rolling back V7 (leaderboard ranks) with db/rollback/R7__leaderboard_ranks.sql"), ranks::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), Sql.appliedVersions(db));
        // V3's view again: the same rows and index names, no rank columns.
        assertEquals(300, Sql.number(db, "SELECT count(*) FROM user_stats_summary"));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'user_stats_summary'::regclass"
                + " AND attname = 'total_stars_rank'"));
        assertEquals(7, Sql.number(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 'user_stats_summary'"
                + " AND indexname LIKE 'idx_user_stats_summary_%' AND indexname NOT LIKE '%_v7_%'"));

        Cli.Result down = Cli.run(db, "rollback");
        assertEquals(0, down.exitCode(), down::toString);
        assertTrue(down.out().contains("Rolling back V6 (verifier grants) with db/rollback/R6__verifier_grants.sql"), down::toString);
        assertEquals(List.of("1", "2", "3", "4", "5"), Sql.appliedVersions(db));
        assertEquals("f", Sql.string(db, "SELECT has_table_privilege('mluv_verifier', 'mv_refresh_log', 'SELECT')"));
        assertEquals("f", Sql.string(db, "SELECT has_table_privilege('mluv_verifier', 'flyway_schema_history', 'SELECT')"));
        assertEquals(1, Sql.number(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'admin_user'"));

        assertEquals(0, Cli.run(db, "rollback").exitCode());
        assertEquals(List.of("1", "2", "3", "4"), Sql.appliedVersions(db));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'admin_user'"));
        assertEquals(1, Sql.number(db, "SELECT count(*) FROM pg_roles WHERE rolname = 'mluv_verifier'"));

        assertEquals(0, Cli.run(db, "migrate").exitCode());
        assertEquals(ALL, Sql.appliedVersions(db));
        assertEquals(1, Sql.number(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'admin_user'"));
        assertEquals("t", Sql.string(db, "SELECT has_table_privilege('mluv_verifier', 'mv_refresh_log', 'SELECT')"));
        assertEquals(300, Sql.number(db, "SELECT max(total_stars_position) FROM user_stats_summary"));
        assertEquals(11, Sql.number(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 'user_stats_summary'"));
        assertTrue(Sql.validIndex(db, "idx_messages_created"));
        assertEquals(1, Sql.number(db, "SELECT count(*) FROM pg_proc WHERE proname = 'search_messages'"));
    }

    @Test
    void rollingBackEverythingLeavesAnEmptySchemaHistoryAndMigrateAndRestoreRebuildIt() {
        Map<String, List<String>> before = DemoRows.fingerprint(db);
        Cli.Result down = Cli.run(db, "rollback", "--to", "0", "--allow-data-loss");
        assertEquals(0, down.exitCode(), down::toString);
        assertEquals(List.of(), Sql.appliedVersions(db));
        assertEquals(List.of("flyway_schema_history"), Sql.relations(db));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_ts_config WHERE cfgname = 'czech'"));
        Matcher backup = Pattern.compile("restore --from (mluv_backup_\\w+)").matcher(down.out());
        assertTrue(backup.find(), down::toString);

        assertEquals(0, Cli.run(db, "migrate").exitCode());
        assertEquals(ALL, Sql.appliedVersions(db));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM users"));

        // migrate V3 and V7 wrote mv_refresh_log's rows again, with ids 1 and 2: the saved log clashes with them,
        // unless its rows get new ids (a history table no foreign key references; users is referenced).
        Cli.Result clash = Cli.run(db, "restore", "--from", backup.group(1));
        assertEquals(2, clash.exitCode(), clash::toString);
        assertTrue(clash.err().contains("public.mv_refresh_log already holds 2 rows with a saved id"), clash::toString);
        Cli.Result notAHistoryTable = Cli.run(db, "restore", "--from", backup.group(1), "--new-ids", "users");
        assertEquals(2, notAHistoryTable.exitCode(), notAHistoryTable::toString);
        assertTrue(notAHistoryTable.err().contains("is referenced by"), notAHistoryTable::toString);
        List<String> savedLog = Sql.strings(db, "SELECT concat_ws('|', view_name, mode, started_at, outcome, worker) FROM "
                + backup.group(1) + ".mv_refresh_log ORDER BY id");
        List<String> newLog = Sql.strings(db, "SELECT concat_ws('|', view_name, mode, started_at, outcome, worker) FROM mv_refresh_log ORDER BY id");

        Cli.Result restore = Cli.run(db, "restore", "--from", backup.group(1), "--new-ids", "mv_refresh_log");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(before, DemoRows.fingerprint(db));
        // The saved history comes back after the rows migrate wrote, in its order, with new ids.
        List<String> log = new java.util.ArrayList<>(newLog);
        log.addAll(savedLog);
        assertEquals(log, Sql.strings(db, "SELECT concat_ws('|', view_name, mode, started_at, outcome, worker) FROM mv_refresh_log ORDER BY id"));
        assertTrue(restore.out().contains("rows into public.mv_refresh_log with new ids (above 2)"), restore::toString);
        String out = restore.out();
        assertTrue(out.indexOf("into public.users;") < out.indexOf("into public.messages;"), out);
        Sql.exec(db, "INSERT INTO messages (user_id, role, text) VALUES (1, 'user', 'Ještě jednu')");
        assertEquals(901, Sql.number(db, "SELECT max(id) FROM messages"));
        Sql.exec(db, "DELETE FROM messages WHERE id = 901"); // back to the rows the other tests start from
    }

    @Test
    void refusesToRollBackPastAMigrationWithoutARollbackScriptAndChangesNothing() {
        ClassLoader withoutR2 = new HidingClassLoader(getClass().getClassLoader(), "db/rollback/R2__performance_indexes.sql");
        Cli.Result r = Cli.run(db, withoutR2, "rollback", "--to", "1");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("mluv-deploy: refusing to roll back past V2 (performance indexes): it has no rollback script "
                + "db/rollback/R2__performance_indexes.sql; nothing was rolled back\n", r.err());
        assertEquals(ALL, Sql.appliedVersions(db));
        assertTrue(Sql.relations(db).contains("user_stats_summary"));
    }

    @Test
    void givesUpAfterTheLockTimeoutInsteadOfQueueingBehindALockedTable() throws Exception {
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE saved_words IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            Cli.Result r = Cli.run(db, "rollback", "--to", "1", "--allow-data-loss", "--lock-timeout", "300ms");
            long millis = (System.nanoTime() - started) / 1_000_000;
            holder.rollback();

            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(millis < 10_000, "took " + millis + " ms");
            assertTrue(r.err().contains("R2__performance_indexes.sql failed at statement 1 of 6"), r::toString);
            assertTrue(r.err().contains("lock timeout"), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
        }
        // V15, V14, V13, V12, V11, V10, V9, V8, V7, V6, V5, V4 and V3 were rolled back before R2 waited; V2 is still recorded and its indexes are intact.
        assertEquals(List.of("1", "2"), Sql.appliedVersions(db));
        assertTrue(Sql.validIndex(db, "idx_saved_words_review"));

        Cli.Result retry = Cli.run(db, "rollback", "--to", "1");
        assertEquals(0, retry.exitCode(), retry::toString);
        assertEquals(List.of("1"), Sql.appliedVersions(db));
    }

    @Test
    void refusesATargetAboveTheCurrentVersion() {
        Cli.Result r = Cli.run(db, "rollback", "--to", "16");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(ALL, Sql.appliedVersions(db));
    }
}
