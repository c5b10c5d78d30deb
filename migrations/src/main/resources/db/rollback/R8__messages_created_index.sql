-- Rolls back V8__messages_created_index.sql: drops idx_messages_created without blocking writers.
-- DROP INDEX CONCURRENTLY cannot run inside a transaction, so the deploy tool runs this script
-- statement by statement; IF EXISTS makes a rerun after a partial failure safe. Roll back V9
-- (search_messages, which uses this index) first.
DROP INDEX CONCURRENTLY IF EXISTS idx_messages_created;
