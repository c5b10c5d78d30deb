-- Rolls back V13__messages_search_hour_index.sql: drops idx_messages_search_hour without blocking
-- writers. DROP INDEX CONCURRENTLY cannot run inside a transaction, so the deploy tool runs this
-- script statement by statement; IF EXISTS makes a rerun after a partial failure safe.
-- Roll back V14 first (the deploy tool goes newest first): V10's search_messages, which R14
-- restores, does not use this index.
DROP INDEX CONCURRENTLY IF EXISTS idx_messages_search_hour;
