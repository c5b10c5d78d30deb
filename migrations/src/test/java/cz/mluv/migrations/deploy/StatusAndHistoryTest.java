package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatusAndHistoryTest {

    private static TestPostgres.Database db;

    @BeforeAll
    static void databaseAtVersionThree() {
        db = TestPostgres.newDatabase("status_history");
        assertEquals(0, Cli.run(db, "migrate", "--target", "3").exitCode());
    }

    @Test
    void statusShowsTheCurrentVersionAndThePendingMigrationWithItsMetadata() {
        Cli.Result r = Cli.run(db, "status");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of(
                "Database: " + db.jdbcUrl(),
                "Current version: V3 user stats summary",
                "Pending: 12",
                "  V4 verifier role [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R4__verifier_role.sql drops the mluv_verifier role "
                        + "(server-wide; kept when something depends on it)",
                "  V5 admin console [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R5__admin_console.sql drops the three tables of the "
                        + "admin console (accounts and deployment records are lost)",
                "  V6 verifier grants [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R6__verifier_grants.sql revokes mluv_verifier's SELECT "
                        + "on flyway_schema_history and mv_refresh_log",
                "  V7 leaderboard ranks [Pending]",
                "      risk medium; expected ~10 s at 100,000 users / 2,000,000 messages (2 cores); rollback: R7__leaderboard_ranks.sql "
                        + "swaps the view back to V3's definition (rank, position and ranked_users columns and the position indexes go; "
                        + "no data lost: the view is derived)",
                "  V8 messages created index [Pending]",
                "      risk low; expected ~3 s at 2,000,000 messages (2 cores); rollback: R8__messages_created_index.sql drops "
                        + "idx_messages_created with DROP INDEX CONCURRENTLY (writers are not blocked)",
                "  V9 search messages [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R9__search_messages.sql drops the search_messages function "
                        + "(no data lost)",
                "  V10 search messages paths [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R10__search_messages_paths.sql restores V9's search_messages "
                        + "and drops btree_gin (no data lost)",
                "  V11 messages search time index [Pending]",
                "      risk low; expected ~15 s at 2,000,000 messages (2 cores); rollback: R11__messages_search_time_index.sql drops "
                        + "idx_messages_search_time with DROP INDEX CONCURRENTLY (writers are not blocked)",
                "  V12 statistics history [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R12__statistics_history.sql drops the three history tables "
                        + "(the history is lost)",
                "  V13 messages search hour index [Pending]",
                "      risk low; expected ~15 s at 2,000,000 messages (2 cores); rollback: R13__messages_search_hour_index.sql drops "
                        + "idx_messages_search_hour with DROP INDEX CONCURRENTLY (writers are not blocked)",
                "  V14 search messages hours [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R14__search_messages_hours.sql restores V10's search_messages "
                        + "(no data lost)",
                "  V15 drop messages search time index [Pending]",
                "      risk low; expected < 1 s at any size; rollback: R15__drop_messages_search_time_index.sql builds "
                        + "idx_messages_search_time again with CREATE INDEX CONCURRENTLY (writers are not blocked)",
                "Failed: none",
                "INVALID indexes: none",
                "Missing expected indexes: none"), r.out().lines().toList());
    }

    @Test
    void historyListsEveryAppliedMigrationWithDurationSuccessAndMetadata() {
        Cli.Result r = Cli.run(db, "history");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(7, lines.size(), r::toString);
        assertTrue(lines.get(0).matches("Rank +Version +Description +Installed on +Took +Success"), lines.get(0));
        assertTrue(lines.get(1).matches("1 +1 +schema +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\d+ ms +yes"), lines.get(1));
        assertTrue(lines.get(3).matches("2 +2 +performance indexes +.* ms +yes"), lines.get(3));
        assertTrue(lines.get(4).contains("risk medium; expected ~10 s per index at 2,000,000 messages (2 cores); "
                + "rollback: R2__performance_indexes.sql drops the six indexes"), lines.get(4));
        assertTrue(lines.get(5).matches("3 +3 +user stats summary +.* ms +yes"), lines.get(5));
        assertTrue(lines.get(6).contains("risk low-medium"), lines.get(6));
    }

    @Test
    void historyOfAnEmptyDatabaseSaysSo() {
        Cli.Result r = Cli.run(TestPostgres.newDatabase("history_empty"), "history");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("No migration applied yet.\n", r.out());
    }
}
