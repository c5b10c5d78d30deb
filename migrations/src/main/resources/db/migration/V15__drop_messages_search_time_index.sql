-- Drops V11's idx_messages_search_time (the words AND the minute): search_messages (V14) reads
-- hours from idx_messages_search_hour (V13) and no longer uses it, and every insert into messages
-- paid for it (60 MB at 2,000,000 messages).
-- DROP INDEX CONCURRENTLY, alone in its script (Flyway runs it outside a transaction): it waits for
-- the transactions that use the index and never takes a lock that stops inserts.
-- Risk: low (an index no query uses; the rollback builds it again concurrently).
-- Expected duration: < 1 s on any size.
-- Rollback: db/rollback/R15__drop_messages_search_time_index.sql (CREATE INDEX CONCURRENTLY again).

DROP INDEX CONCURRENTLY IF EXISTS idx_messages_search_time;
