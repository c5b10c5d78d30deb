-- Ranks computed when the view is refreshed, not when it is read (issue 15): user_stats_summary
-- gains, per leaderboard metric, <metric>_rank (standard competition ranking, rank(): equal scores
-- share a rank and the next rank skips, 1, 2, 2, 4) and <metric>_position (row_number() over
-- metric DESC, user_id: a gap-free 1..n order that breaks ties by user id), plus ranked_users (the
-- number of rows). A UNIQUE index on each position column makes a user's neighbours and every page
-- past the top a bounded range scan, whatever the user's position and however large a tie group.
-- Every existing column and index name stays (code, plan contracts, verification rely on them).
--
-- Readers are not locked out while the new view is built: the old indexes are renamed out of the
-- way (ALTER INDEX ... RENAME takes SHARE UPDATE EXCLUSIVE on the index only, which readers and
-- REFRESH ... CONCURRENTLY do not conflict with), the new view is created WITH DATA under a
-- temporary name with its indexes under their final names (an object created in this migration
-- needs no CONCURRENTLY), and only the last two statements take ACCESS EXCLUSIVE on the old view:
-- DROP it and RENAME the new one. One transaction: readers see the old view until COMMIT, then the
-- new one; a failure (lock_timeout on the DROP) rolls everything back.
-- Risk: medium (rebuilds the view: one full read of users, user_stars, daily_stats and messages,
-- while readers keep reading the old view; ACCESS EXCLUSIVE for milliseconds at the end).
-- Expected duration: ~10 s on 100,000 users / 2,000,000 messages (2 cores).
-- Rollback: db/rollback/R7__leaderboard_ranks.sql swaps back to V3's definition the same way.
--
-- squawk-ignore-file require-concurrent-index-creation
-- (every CREATE INDEX here is on user_stats_summary_v7, which this migration creates: nobody reads
-- or writes it before the swap, and CONCURRENTLY cannot run in the transaction that creates it;
-- Mluv's own lint exempts such objects the same way)

ALTER INDEX IF EXISTS idx_user_stats_summary_user_id RENAME TO idx_user_stats_summary_v3_user_id;
ALTER INDEX IF EXISTS idx_user_stats_summary_telegram_id RENAME TO idx_user_stats_summary_v3_telegram_id;
ALTER INDEX IF EXISTS idx_user_stats_summary_total_stars RENAME TO idx_user_stats_summary_v3_total_stars;
ALTER INDEX IF EXISTS idx_user_stats_summary_max_streak RENAME TO idx_user_stats_summary_v3_max_streak;
ALTER INDEX IF EXISTS idx_user_stats_summary_total_messages RENAME TO idx_user_stats_summary_v3_total_messages;
ALTER INDEX IF EXISTS idx_user_stats_summary_messages_last_7_days RENAME TO idx_user_stats_summary_v3_messages_last_7_days;
ALTER INDEX IF EXISTS idx_user_stats_summary_last_activity RENAME TO idx_user_stats_summary_v3_last_activity;

CREATE MATERIALIZED VIEW IF NOT EXISTS user_stats_summary_v7 AS
SELECT s.*,
       -- rank() and row_number() over the same order share one sort per metric.
       rank()       OVER (ORDER BY s.total_stars DESC)                   AS total_stars_rank,
       row_number() OVER (ORDER BY s.total_stars DESC, s.user_id)        AS total_stars_position,
       rank()       OVER (ORDER BY s.max_streak DESC)                    AS max_streak_rank,
       row_number() OVER (ORDER BY s.max_streak DESC, s.user_id)         AS max_streak_position,
       rank()       OVER (ORDER BY s.total_messages DESC)                AS total_messages_rank,
       row_number() OVER (ORDER BY s.total_messages DESC, s.user_id)     AS total_messages_position,
       rank()       OVER (ORDER BY s.messages_last_7_days DESC)          AS messages_last_7_days_rank,
       row_number() OVER (ORDER BY s.messages_last_7_days DESC, s.user_id) AS messages_last_7_days_position,
       count(*)     OVER ()                                              AS ranked_users
FROM (SELECT u.id                                   AS user_id,
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
                 GROUP BY user_id) m ON m.user_id = u.id) s
WITH DATA;

-- REFRESH ... CONCURRENTLY needs a UNIQUE index on plain, NOT NULL columns without WHERE.
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_user_id
    ON user_stats_summary_v7 (user_id);
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_telegram_id
    ON user_stats_summary_v7 (telegram_id);
-- Top lists: metric descending, user_id breaks ties (the same order as <metric>_position).
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_total_stars
    ON user_stats_summary_v7 (total_stars DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_max_streak
    ON user_stats_summary_v7 (max_streak DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_total_messages
    ON user_stats_summary_v7 (total_messages DESC, user_id);
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_messages_last_7_days
    ON user_stats_summary_v7 (messages_last_7_days DESC, user_id);
-- Active users: last_activity within N days, most recent first.
CREATE INDEX IF NOT EXISTS idx_user_stats_summary_last_activity
    ON user_stats_summary_v7 (last_activity DESC NULLS LAST);
-- A user's neighbours and pages past the top: position BETWEEN p - n AND p + n, position > p.
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_total_stars_position
    ON user_stats_summary_v7 (total_stars_position);
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_max_streak_position
    ON user_stats_summary_v7 (max_streak_position);
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_total_messages_position
    ON user_stats_summary_v7 (total_messages_position);
CREATE UNIQUE INDEX IF NOT EXISTS idx_user_stats_summary_messages_last_7_days_position
    ON user_stats_summary_v7 (messages_last_7_days_position);

-- The swap: ACCESS EXCLUSIVE on the old view from here to COMMIT (milliseconds). Its indexes go with it.
DROP MATERIALIZED VIEW IF EXISTS user_stats_summary;
ALTER MATERIALIZED VIEW user_stats_summary_v7 RENAME TO user_stats_summary;

-- The view was just populated (WITH DATA): record it, so its age is known from now on.
INSERT INTO mv_refresh_log (view_name, mode, started_at, finished_at, duration_ms, row_count, outcome, worker)
SELECT 'user_stats_summary', 'PLAIN', now(), clock_timestamp(),
       (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, (SELECT count(*) FROM user_stats_summary), 'SUCCESS', 'migration V7';
