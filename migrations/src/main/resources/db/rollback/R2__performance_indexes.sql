-- Rolls back V2__performance_indexes.sql: drops its six indexes without blocking writers.
-- DROP INDEX CONCURRENTLY cannot run inside a transaction, so the deploy tool runs this script
-- statement by statement; IF EXISTS makes a rerun after a partial failure safe.
DROP INDEX CONCURRENTLY IF EXISTS idx_saved_words_review;
DROP INDEX CONCURRENTLY IF EXISTS idx_messages_correctness_score;
DROP INDEX CONCURRENTLY IF EXISTS idx_messages_text_search;
DROP INDEX CONCURRENTLY IF EXISTS idx_saved_words_user_word;
DROP INDEX CONCURRENTLY IF EXISTS idx_daily_stats_user_date;
DROP INDEX CONCURRENTLY IF EXISTS idx_messages_user_created;
