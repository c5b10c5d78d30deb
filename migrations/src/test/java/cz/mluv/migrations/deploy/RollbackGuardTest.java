package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RollbackGuardTest {

    private static final List<String> ALL = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
    private static final Pattern BACKUP = Pattern.compile("restore --from (mluv_backup_\\d{8}_\\d{6}(?:_\\d+)?)");

    @Test
    void refusesToDropAccountsAndDeploymentRecordsWithoutTheFlagAndChangesNothing() {
        TestPostgres.Database db = migratedWithConsoleRows("guard_refuse");
        Map<String, List<String>> before = ConsoleRows.fingerprint(db);

        Cli.Result r = Cli.run(db, "rollback", "--to", "4");

        assertEquals(DeployTool.USAGE, r.exitCode(), r::toString);
        assertTrue(r.out().contains("table public.checklist_item_result: 6 rows  [V5 (admin console)]"), r::toString);
        assertTrue(r.out().contains("table public.deployment_record: 2 rows"), r::toString);
        assertTrue(r.out().contains("table public.admin_user: 2 rows"), r::toString);
        assertEquals("mluv-deploy: refusing to roll back to V4: it would drop 10 rows of stored data: public.checklist_item_result (6 rows), "
                + "public.deployment_record (2 rows), public.admin_user (2 rows); nothing was changed. Rerun with --allow-data-loss "
                + "to save them into a backup schema first (restore them after the next migrate with ./mluv deploy restore --from "
                + "<schema>), or see the SQL with --dry-run\n", r.err());
        assertEquals(ALL, Sql.appliedVersions(db));
        assertEquals(before, ConsoleRows.fingerprint(db));
        assertEquals("t", Sql.string(db, "SELECT has_table_privilege('mluv_verifier', 'mv_refresh_log', 'SELECT')"),
                "V6 was not rolled back either");
        assertEquals(List.of(), backupSchemas(db));
    }

    @Test
    void withAllowDataLossSavesTheRowsDropsTheTablesAndRestoreAfterMigrateBringsThemBack() {
        TestPostgres.Database db = migratedWithConsoleRows("guard_restore");
        Map<String, List<String>> before = ConsoleRows.fingerprint(db);

        Cli.Result down = Cli.run(db, "rollback", "--to", "4", "--allow-data-loss");

        assertEquals(0, down.exitCode(), down::toString);
        String schema = backupSchema(down);
        assertEquals(List.of(schema), backupSchemas(db));
        assertEquals(List.of("1", "2", "3", "4"), Sql.appliedVersions(db));
        assertFalse(Sql.relations(db).contains("admin_user"), down::toString);
        assertFalse(Sql.relations(db).contains("deployment_record"), down::toString);
        assertEquals(List.of("checklist_item_result|6|V15|V4|V5 (admin console)", "deployment_record|2|V15|V4|V5 (admin console)",
                "admin_user|2|V15|V4|V5 (admin console)"), Sql.strings(db, "SELECT concat_ws('|', source_table, row_count, from_version,"
                + " to_version, dropped_by) FROM " + schema + ".mluv_backup_manifest ORDER BY id"));
        assertEquals(2, Sql.number(db, "SELECT count(*) FROM " + schema + ".admin_user"));
        assertEquals(before.get("deployment_record").get(1), Sql.string(db,
                "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM " + schema + ".deployment_record t"));
        assertTrue(down.out().contains("./mluv deploy migrate\n  ./mluv deploy restore --from " + schema + "\n"), down::toString);
        assertTrue(down.out().contains("DROP SCHEMA " + schema + " CASCADE;"), down::toString);

        Cli.Result up = Cli.run(db, "migrate");
        assertEquals(0, up.exitCode(), up::toString);
        Cli.Result restore = Cli.run(db, "restore", "--from", schema);

        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(before, ConsoleRows.fingerprint(db));
        String out = restore.out();
        assertTrue(out.indexOf("into public.deployment_record") < out.indexOf("into public.checklist_item_result"), out);
        assertTrue(out.contains("Restored 2 rows into public.deployment_record; sequence public.deployment_record_id_seq = 3"), out);
        assertTrue(out.contains("The backup schema " + schema + " stays"), out);
        Sql.exec(db, "INSERT INTO deployment_record (from_version, to_version, deployed_by) VALUES ('6', '7', 'admin')",
                "INSERT INTO checklist_item_result (deployment_id, item_key, outcome, summary, recorded_by)"
                        + " VALUES (3, 'verify', 'PASS', 'ok', 'admin')",
                "INSERT INTO admin_user (username, password_hash, role) VALUES ('third', 'x', 'viewer')");
        assertEquals(4, Sql.number(db, "SELECT max(id) FROM deployment_record"));
        assertEquals(10, Sql.number(db, "SELECT max(id) FROM checklist_item_result"), "ids 1-3 and 7-9 were restored");
        assertEquals(List.of(schema), backupSchemas(db), "restore keeps the backup");
        assertEquals(3, Sql.number(db, "SELECT count(restored_at) FROM " + schema + ".mluv_backup_manifest"));
    }

    @Test
    void restoreRefusesWhileTheTablesAreMissingAndWhenTheyHoldConflictingRows() {
        TestPostgres.Database db = migratedWithConsoleRows("guard_refuse_restore");
        Map<String, List<String>> before = ConsoleRows.fingerprint(db);
        String schema = backupSchema(Cli.run(db, "rollback", "--to", "4", "--allow-data-loss"));

        Cli.Result missing = Cli.run(db, "restore", "--from", schema);
        assertEquals(DeployTool.USAGE, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("public.checklist_item_result, public.deployment_record, public.admin_user do not exist"),
                missing::toString);
        assertTrue(missing.err().contains("run ./mluv deploy migrate first"), missing::toString);
        assertEquals(0, Sql.number(db, "SELECT count(restored_at) FROM " + schema + ".mluv_backup_manifest"));

        assertEquals(0, Cli.run(db, "migrate").exitCode());
        // The console re-created its first account on a sign-in before anyone restored.
        Sql.exec(db, "INSERT INTO admin_user (username, password_hash, role) VALUES ('admin', 'new hash', 'deployer')");
        Cli.Result conflict = Cli.run(db, "restore", "--from", schema);
        assertEquals(DeployTool.USAGE, conflict.exitCode(), conflict::toString);
        assertTrue(conflict.err().contains("public.admin_user already holds 1 row with a saved id"), conflict::toString);
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM deployment_record"), "nothing restored");

        Cli.Result skipped = Cli.run(db, "restore", "--from", schema, "--skip", "admin_user");
        assertEquals(0, skipped.exitCode(), skipped::toString);
        Map<String, List<String>> after = ConsoleRows.fingerprint(db);
        assertEquals(before.get("deployment_record"), after.get("deployment_record"));
        assertEquals(before.get("checklist_item_result"), after.get("checklist_item_result"));
        assertNotEquals(before.get("admin_user"), after.get("admin_user"));
        assertEquals(2, Sql.number(db, "SELECT count(restored_at) FROM " + schema + ".mluv_backup_manifest"));

        assertEquals(DeployTool.USAGE, Cli.run(db, "restore", "--from", "mluv_backup_19700101_000000").exitCode());
    }

    @Test
    void aBackupThatCannotLockItsTablesChangesNothing() throws SQLException {
        TestPostgres.Database db = migratedWithConsoleRows("guard_backup_locked");
        Map<String, List<String>> before = ConsoleRows.fingerprint(db);
        Cli.Result r;
        try (Connection writer = db.connect(); Statement st = writer.createStatement()) {
            writer.setAutoCommit(false);
            st.execute("INSERT INTO admin_user (username, password_hash, role) VALUES ('busy', 'x', 'viewer')");
            r = Cli.run(db, "rollback", "--to", "4", "--allow-data-loss", "--lock-timeout", "300ms");
            writer.rollback();
        }
        assertEquals(DeployTool.FAILED, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("mluv-deploy: could not save the rows into a backup schema: "), r::toString);
        assertTrue(r.err().contains("lock timeout") && r.err().contains("nothing was changed"), r::toString);
        assertEquals(ALL, Sql.appliedVersions(db));
        assertEquals(before, ConsoleRows.fingerprint(db));
        assertEquals(List.of(), backupSchemas(db));
    }

    @Test
    void anEmptySchemaRollsBackWithoutTheFlag() {
        TestPostgres.Database db = TestPostgres.newDatabase("guard_empty");
        assertEquals(0, Cli.run(db, "migrate").exitCode());

        Cli.Result toFour = Cli.run(db, "rollback", "--to", "4");
        assertEquals(0, toFour.exitCode(), toFour::toString);
        assertTrue(toFour.out().contains("table public.admin_user: 0 rows"), toFour::toString);

        // V3 records the view's first population in mv_refresh_log, V7 its rebuild: that is history, so it counts.
        Cli.Result refused = Cli.run(db, "rollback", "--to", "0");
        assertEquals(DeployTool.USAGE, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("public.mv_refresh_log (2 rows)"), refused::toString);

        Sql.exec(db, "DELETE FROM mv_refresh_log");
        Cli.Result toZero = Cli.run(db, "rollback", "--to", "0");
        assertEquals(0, toZero.exitCode(), toZero::toString);
        assertEquals(List.of(), Sql.appliedVersions(db));
        assertEquals(List.of(), backupSchemas(db));
    }

    @Test
    void aMaterializedViewIsListedWithItsRowsButIsNoDataLoss() {
        TestPostgres.Database db = TestPostgres.newDatabase("guard_view");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        DemoRows.insert(db, 20);
        Sql.exec(db, "REFRESH MATERIALIZED VIEW user_stats_summary", "DELETE FROM mv_refresh_log");

        Cli.Result r = Cli.run(db, "rollback", "--to", "2");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("materialized view public.user_stats_summary: 20 rows (derived, not data loss: "
                + "migrate re-creates it and REFRESH recomputes its rows)  [V7 (leaderboard ranks)]"), r::toString);
        assertEquals(List.of("1", "2"), Sql.appliedVersions(db));
    }

    @Test
    void dryRunPrintsTheStepsTheirSqlAndTheRowsAtStakeAndChangesNothing() {
        TestPostgres.Database db = migratedWithConsoleRows("guard_dry_run");
        Map<String, List<String>> before = ConsoleRows.fingerprint(db);
        List<String> relations = Sql.relations(db);

        Cli.Result r = Cli.run(db, "rollback", "--to", "2", "--dry-run");

        assertEquals(0, r.exitCode(), r::toString);
        String out = r.out();
        int v6 = out.indexOf("-- ==== V6 (verifier grants): db/rollback/R6__verifier_grants.sql ====");
        int v5 = out.indexOf("-- ==== V5 (admin console): db/rollback/R5__admin_console.sql ====");
        int v3 = out.indexOf("-- ==== V3 (user stats summary): db/rollback/R3__user_stats_summary.sql ====");
        assertTrue(v6 > 0 && v5 > v6 && v3 > v5, out);
        assertTrue(out.indexOf("DROP TABLE IF EXISTS admin_user;") > v5, out);
        assertFalse(out.contains("R2__performance_indexes.sql"), out);
        assertTrue(out.contains("-- table public.admin_user: 2 rows  [V5 (admin console)]"), out);
        assertTrue(out.contains("-- table public.mv_refresh_log: 2 rows  [V3 (user stats summary)]"), out);
        assertTrue(out.contains("-- materialized view public.user_stats_summary: 0 rows (derived, not data loss"), out);
        assertTrue(out.contains("-- 12 rows of stored data would be lost: rollback refuses without --allow-data-loss"), out);

        assertEquals(ALL, Sql.appliedVersions(db));
        assertEquals(relations, Sql.relations(db));
        assertEquals(before, ConsoleRows.fingerprint(db));
        assertEquals(List.of(), backupSchemas(db));
    }

    @Test
    void aDroppedColumnIsSavedByPrimaryKeyAndRestoredByUpdateAlsoFromAScriptOutsideATransaction() {
        TestPostgres.Database db = TestPostgres.newDatabase("guard_column");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        DemoRows.insert(db, 30);
        Sql.exec(db, "UPDATE users SET username = NULL WHERE id % 3 = 0");
        Map<String, List<String>> before = DemoRows.fingerprint(db);
        ClassLoader dropsUsername = new ReplacingClassLoader(getClass().getClassLoader(), "db/rollback/R15__drop_messages_search_time_index.sql",
                "DROP INDEX CONCURRENTLY IF EXISTS idx_that_never_was;\nALTER TABLE users DROP COLUMN username;");

        Cli.Result refused = Cli.run(db, dropsUsername, "rollback");
        assertEquals(DeployTool.USAGE, refused.exitCode(), refused::toString);
        assertTrue(refused.out().contains("column public.users.username: 20 rows not null  [V15 (drop messages search time index)]"), refused::toString);
        assertTrue(refused.err().contains("public.users.username (20 rows not null)"), refused::toString);

        Cli.Result down = Cli.run(db, dropsUsername, "rollback", "--allow-data-loss");
        assertEquals(0, down.exitCode(), down::toString);
        String schema = backupSchema(down);
        assertEquals("id,username|20", Sql.string(db, "SELECT array_to_string(columns, ',') || '|' || row_count FROM "
                + schema + ".mluv_backup_manifest WHERE source_column = 'username'"));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'username'"));

        // The migration that owned the column would add it back; here the test does.
        Sql.exec(db, "ALTER TABLE users ADD COLUMN username text");
        Cli.Result restore = Cli.run(db, "restore", "--from", schema);
        assertEquals(0, restore.exitCode(), restore::toString);
        assertTrue(restore.out().contains("Restored 20 values of column public.users.username by id"), restore::toString);
        assertEquals(20, Sql.number(db, "SELECT count(username) FROM users"));
        assertEquals(Sql.strings(db, "SELECT id || ':' || 'user' || (telegram_id - 1000000) FROM users WHERE id % 3 <> 0 ORDER BY id"),
                Sql.strings(db, "SELECT id || ':' || username FROM users WHERE username IS NOT NULL ORDER BY id"));
        assertEquals(before.get("messages"), DemoRows.fingerprint(db).get("messages"));
    }

    private static TestPostgres.Database migratedWithConsoleRows(String name) {
        TestPostgres.Database db = TestPostgres.newDatabase(name);
        Cli.Result r = Cli.run(db, "migrate");
        assertEquals(0, r.exitCode(), r::toString);
        ConsoleRows.insert(db);
        return db;
    }

    private static String backupSchema(Cli.Result rollback) {
        assertEquals(0, rollback.exitCode(), rollback::toString);
        Matcher m = BACKUP.matcher(rollback.out());
        assertTrue(m.find(), rollback::toString);
        return m.group(1);
    }

    private static List<String> backupSchemas(TestPostgres.Database db) {
        return Sql.strings(db, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'mluv\\_backup\\_%' ORDER BY 1");
    }
}
