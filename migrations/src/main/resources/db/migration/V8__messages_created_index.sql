-- Newest-first search (issue 10): a btree on messages (created_at DESC, id DESC), the order of
-- search results. search_messages (V9) walks it for the newest messages, finds the time window
-- that holds the newest N of them, and ANDs a created_at range with the GIN bitmap of
-- idx_messages_text_search, so a search reads the matches of a window, not of the whole table.
-- id DESC breaks ties the way the results do, which keeps the keyset cursor (before) exact.
-- Built CONCURRENTLY, alone in its script (Flyway runs it outside a transaction): writers go on
-- inserting while it builds; a failed build leaves an INVALID index that the deploy tool rebuilds.
-- Risk: low (one concurrent build; no lock that stops inserts).
-- Expected duration: ~3 s on 2,000,000 messages (2 cores).
-- Rollback: db/rollback/R8__messages_created_index.sql (DROP INDEX CONCURRENTLY).

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_created
    ON messages (created_at DESC, id DESC);
