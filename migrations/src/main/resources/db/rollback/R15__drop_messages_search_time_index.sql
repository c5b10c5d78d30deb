-- Rolls back V15__drop_messages_search_time_index.sql: builds V11's idx_messages_search_time again,
-- CONCURRENTLY (writers go on inserting; ~15 s on 2,000,000 messages). V10's search_messages, which
-- R14 restores after this, reads its windows from it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_search_time
    ON messages USING gin (to_tsvector('czech', text || ''), date_trunc('minute', created_at AT TIME ZONE 'UTC'));
