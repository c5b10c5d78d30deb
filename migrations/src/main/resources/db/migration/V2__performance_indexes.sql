-- Performance indexes named by the seeds (000/001), built CONCURRENTLY so that writers are not
-- blocked on a live database. Flyway runs a script holding CREATE INDEX CONCURRENTLY outside a
-- transaction by itself. A failed concurrent build leaves an INVALID index that IF NOT EXISTS
-- would silently keep: the deploy tool finds and rebuilds those before and after migrating.
-- Risk: medium (long builds on large tables). Expected duration: ~10 s per index on
-- 2,000,000 messages (2 cores); seconds or less on the demo size.
-- Rollback: db/rollback/R2__performance_indexes.sql (DROP INDEX CONCURRENTLY each).

-- Recent messages of a user, newest first; id breaks ties for keyset pagination.
-- Its leading user_id column also covers the messages.user_id foreign key.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_user_created
    ON messages (user_id, created_at DESC, id DESC);

-- A user's stats over a date range; UNIQUE enforces one row per user and date.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_daily_stats_user_date
    ON daily_stats (user_id, date DESC);

-- A user's saved words; UNIQUE: saving the same word twice keeps one row.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_saved_words_user_word
    ON saved_words (user_id, word_czech);

-- Czech full-text search (configuration "czech" from V1: diacritics-insensitive).
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_text_search
    ON messages USING gin (to_tsvector('czech', text));

-- Correctness analytics: partial (only scored messages) and covering (INCLUDE the score, so
-- the aggregate reads the index alone: an index-only scan).
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_correctness_score
    ON messages (user_id, created_at) INCLUDE (correctness_score)
    WHERE correctness_score IS NOT NULL;

-- Spaced repetition: NULLS FIRST puts never-reviewed words (next_review_date IS NULL) at the
-- start of each user's range, so "due words, never-reviewed first" is one ordered index scan.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_saved_words_review
    ON saved_words (user_id, next_review_date NULLS FIRST);
