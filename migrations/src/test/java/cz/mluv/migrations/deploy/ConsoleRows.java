package cz.mluv.migrations.deploy;

import cz.mluv.migrations.testing.TestPostgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin console's rows (V5): two accounts, two deployment records with checklist results (ids with a gap). */
final class ConsoleRows {

    /** The V5 tables, parents first. */
    static final List<String> TABLES = List.of("admin_user", "deployment_record", "checklist_item_result");

    private ConsoleRows() {
    }

    /** Inserts 2 accounts, deployment records 1 and 3 (2 was deleted) and 3 checklist results for each. */
    static void insert(TestPostgres.Database db) {
        Sql.exec(db,
                "INSERT INTO admin_user (username, password_hash, role) VALUES"
                        + " ('admin', '$2a$10$abcdefghijklmnopqrstuu0123456789012345678901234567890', 'deployer'),"
                        + " ('viewer', '$2a$10$abcdefghijklmnopqrstuu9876543210987654321098765432109', 'viewer')",
                "INSERT INTO deployment_record (from_version, to_version, deployed_by, status, closed_by, closed_at, notes) VALUES"
                        + " ('4', '5', 'admin', 'SUCCESS', 'admin', timestamptz '2026-11-01 10:00+01', 'first; \"quoted\"'),"
                        + " ('5', '6', 'admin', NULL, NULL, NULL, NULL),"
                        + " ('5', '6', 'admin', NULL, NULL, NULL, NULL)",
                "INSERT INTO checklist_item_result (deployment_id, item_key, outcome, summary, details, recorded_by)"
                        + " SELECT d.id, k, 'PASS', 'ok ' || k, CASE WHEN k = 'pre-backup' THEN NULL ELSE 'details' END, 'admin'"
                        + " FROM deployment_record d CROSS JOIN (VALUES ('pre-backup'), ('migrations-applied'), ('plan-contract')) v(k)",
                "DELETE FROM deployment_record WHERE id = 2");
    }

    /** @return per table: row count and md5 of its rows as text ordered by id */
    static Map<String, List<String>> fingerprint(TestPostgres.Database db) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String table : TABLES) {
            result.put(table, List.of(
                    Sql.string(db, "SELECT count(*) FROM " + table),
                    Sql.string(db, "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM " + table + " t")));
        }
        return result;
    }
}
