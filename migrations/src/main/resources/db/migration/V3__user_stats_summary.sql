-- The materialized view user_stats_summary (seeds 000/001) and the refresh log that records
-- every refresh: pg_matviews has no last-refresh column, so freshness is read from the log.
-- Risk: low-medium (the first population reads every table once). Expected duration: ~5 s on
-- 100,000 users / 2,000,000 messages (2 cores).
-- Rollback: db/rollback/R3__user_stats_summary.sql drops the view and the log.

CREATE MATERIALIZED VIEW IF NOT EXISTS user_stats_summary AS
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

-- REFRESH ... CONCURRENTLY needs a UNIQUE index on plain, NOT NULL columns without WHERE.
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_user_id
    ON user_stats_summary (user_id);
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_telegram_id
    ON user_stats_summary (telegram_id);
-- Leaderboards: metric descending, user_id breaks ties so pages are stable.
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_total_stars
    ON user_stats_summary (total_stars DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_max_streak
    ON user_stats_summary (max_streak DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_total_messages
    ON user_stats_summary (total_messages DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_messages_last_7_days
    ON user_stats_summary (messages_last_7_days DESC, user_id);
-- Active users: last_activity within N days, most recent first.
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_last_activity
    ON user_stats_summary (last_activity DESC NULLS LAST);

CREATE TABLE IF NOT EXISTS mv_refresh_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    view_name   text        NOT NULL,
    mode        text        NOT NULL CHECK (mode IN ('PLAIN', 'CONCURRENTLY')),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    duration_ms bigint      CHECK (duration_ms >= 0),
    row_count   bigint      CHECK (row_count >= 0),
    outcome     text        NOT NULL CHECK (outcome IN ('RUNNING', 'SUCCESS', 'FAILED')),
    error       text,
    worker      text
);
-- Freshness reads: latest refresh of a view (and latest successful one).
CREATE INDEX IF NOT EXISTS idx_mv_refresh_log_view_started
    ON mv_refresh_log (view_name, started_at DESC);

-- The view was just populated (WITH DATA): record it, so its age is known from the start.
INSERT INTO mv_refresh_log (view_name, mode, started_at, finished_at, duration_ms, row_count, outcome, worker)
SELECT 'user_stats_summary', 'PLAIN', now(), clock_timestamp(),
       (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, (SELECT count(*) FROM user_stats_summary), 'SUCCESS', 'migration V3';
