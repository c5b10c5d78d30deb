-- Rolls back V11__messages_search_time_index.sql: drops idx_messages_search_time without blocking
-- writers. DROP INDEX CONCURRENTLY cannot run inside a transaction, so the deploy tool runs this
-- script statement by statement; IF EXISTS makes a rerun after a partial failure safe.
-- search_messages (V10) still answers without it, exactly and more slowly (its windows then read
-- the words from idx_messages_text_search and filter the minutes on the table).
DROP INDEX CONCURRENTLY IF EXISTS idx_messages_search_time;
