-- Rolls back V7__leaderboard_ranks.sql: user_stats_summary goes back to V3's definition (no rank,
-- position or ranked_users columns, no position indexes), swapped in the same way V7 swapped it
-- out: the V7 indexes renamed out of the way, the V3-shaped view built WITH DATA under a temporary
-- name with its seven indexes under their final names, then DROP of the V7 view and RENAME, so
-- readers wait only for the last two statements. No data is lost (the view is derived). Runs in
-- one transaction. It writes no row to mv_refresh_log: a rollback further down (below V3) saves that
-- table's rows first and refuses to drop it once they differ from the saved ones.
ALTER INDEX IF EXISTS idx_user_stats_summary_user_id RENAME TO idx_user_stats_summary_v7_user_id;
ALTER INDEX IF EXISTS idx_user_stats_summary_telegram_id RENAME TO idx_user_stats_summary_v7_telegram_id;
ALTER INDEX IF EXISTS idx_user_stats_summary_total_stars RENAME TO idx_user_stats_summary_v7_total_stars;
ALTER INDEX IF EXISTS idx_user_stats_summary_max_streak RENAME TO idx_user_stats_summary_v7_max_streak;
ALTER INDEX IF EXISTS idx_user_stats_summary_total_messages RENAME TO idx_user_stats_summary_v7_total_messages;
ALTER INDEX IF EXISTS idx_user_stats_summary_messages_last_7_days RENAME TO idx_user_stats_summary_v7_messages_last_7_days;
ALTER INDEX IF EXISTS idx_user_stats_summary_last_activity RENAME TO idx_user_stats_summary_v7_last_activity;

CREATE MATERIALIZED VIEW IF NOT EXISTS user_stats_summary_v3 AS
SELECT u.id                                   AS user_id,
       u.telegram_id,
       u.first_name,
       coalesce(st.total, 0)                  AS total_stars,
       coalesce(ds.max_streak, 0)             AS max_streak,
       coalesce(m.total_messages, 0)          AS total_messages,
       coalesce(m.messages_last_7_days, 0)    AS messages_last_7_days,
       m.last_activity
FROM users u
LEFT JOIN user_stars st ON st.user_id = u.id
LEFT JOIN (SELECT user_id, max(streak_days) AS max_streak
           FROM daily_stats GROUP BY user_id) ds ON ds.user_id = u.id
LEFT JOIN (SELECT user_id,
                  count(*)                                                        AS total_messages,
                  count(*) FILTER (WHERE created_at >= now() - interval '7 days') AS messages_last_7_days,
                  max(created_at)                                                 AS last_activity
           FROM messages
           WHERE role = 'user'
           GROUP BY user_id) m ON m.user_id = u.id
WITH DATA;

CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_user_id ON user_stats_summary_v3 (user_id);
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_telegram_id ON user_stats_summary_v3 (telegram_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_total_stars ON user_stats_summary_v3 (total_stars DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_max_streak ON user_stats_summary_v3 (max_streak DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_total_messages ON user_stats_summary_v3 (total_messages DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_messages_last_7_days ON user_stats_summary_v3 (messages_last_7_days DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_last_activity ON user_stats_summary_v3 (last_activity DESC NULLS LAST);

DROP MATERIALIZED VIEW IF EXISTS user_stats_summary;
ALTER MATERIALIZED VIEW user_stats_summary_v3 RENAME TO user_stats_summary;

-- No row is written to mv_refresh_log here: the deploy tool's rollback guard backs up the rows of
-- every table a rollback drops before the first step runs, and refuses to drop a table whose rows
-- changed since (R3 drops mv_refresh_log). The view rebuilt above is fresher than the log's last
-- SUCCESS says, so freshness errs on the safe side until the scheduler's next refresh.
