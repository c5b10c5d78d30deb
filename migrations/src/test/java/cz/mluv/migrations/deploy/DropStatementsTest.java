package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cz.mluv.migrations.deploy.DropStatements.Dropped;
import cz.mluv.migrations.deploy.DropStatements.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropStatementsTest {

    @Test
    void readsTablesViewsAndColumnsFromDropAndAlterStatements() {
        SqlScript script = SqlScript.parse("""
                -- DROP TABLE in_a_comment;
                DROP TABLE IF EXISTS user_stars, public.saved_words CASCADE;
                drop materialized view if exists user_stats_summary;
                DROP VIEW "Odd, ""View"\"";
                ALTER TABLE IF EXISTS ONLY users DROP COLUMN IF EXISTS nickname, ADD CHECK (level IN ('A1', 'A2')),
                    DROP "Display Name" RESTRICT, DROP CONSTRAINT users_level_check;
                SELECT 'DROP TABLE in_a_string';
                DROP INDEX CONCURRENTLY IF EXISTS idx_messages_user_created;
                DO $$ BEGIN DROP TABLE in_a_block; END $$;
                """);
        assertEquals(List.of(
                new Dropped(Kind.TABLE, "user_stars", null),
                new Dropped(Kind.TABLE, "public.saved_words", null),
                new Dropped(Kind.MATERIALIZED_VIEW, "user_stats_summary", null),
                new Dropped(Kind.VIEW, "\"Odd, \"\"View\"\"\"", null),
                new Dropped(Kind.COLUMN, "users", "nickname"),
                new Dropped(Kind.COLUMN, "users", "Display Name")), DropStatements.of(script));
    }

    @Test
    void readsEveryShippedRollbackScript() {
        ClassLoader loader = getClass().getClassLoader();
        Rollback rollback = new Rollback(null, null, loader);
        RollbackStep r5 = new RollbackStep(null, "admin console", "V5__admin_console.sql",
                RollbackStep.expectedRollbackResource("V5__admin_console.sql"));
        assertEquals(List.of(new Dropped(Kind.TABLE, "checklist_item_result", null), new Dropped(Kind.TABLE, "deployment_record", null),
                new Dropped(Kind.TABLE, "admin_user", null)), DropStatements.of(rollback.script(r5)));
        RollbackStep r3 = new RollbackStep(null, "user stats summary", "V3__user_stats_summary.sql",
                RollbackStep.expectedRollbackResource("V3__user_stats_summary.sql"));
        assertEquals(List.of(new Dropped(Kind.MATERIALIZED_VIEW, "user_stats_summary", null),
                new Dropped(Kind.TABLE, "mv_refresh_log", null)), DropStatements.of(rollback.script(r3)));
    }
}
