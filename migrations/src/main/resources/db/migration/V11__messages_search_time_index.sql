-- Newest-first search (issue 10): a GIN index that holds the words of a message AND the minute it
-- was written (btree_gin, installed by V10), so search_messages (V10) finds the matches of a word
-- inside a window of the newest minutes in one GIN scan: the window's entries and the word's
-- posting list are intersected inside the index, and only the matches in the window reach the
-- bitmap and the heap (V9 ANDed a bitmap of every match of the word with a btree range; at
-- 20,000,000 messages that bitmap of a common word is 166,000 entries per window).
-- The minute (UTC) and not the exact created_at: 2.4x smaller (60 MB instead of 146 MB at
-- 2,000,000 messages; the plain GIN is 24 MB), and only this index can serve the expression, so
-- the window's plan never turns into a BitmapAnd with idx_messages_created. The window's exact
-- bound is the minute's start: a window reads at most one minute of extra messages.
-- Its first column is to_tsvector('czech', text || ''): the same words as V2's
-- idx_messages_text_search (text is NOT NULL, so text || '' is text), written differently on
-- purpose, so that each index serves one kind of scan and every plan contract can name its index:
-- this one the windows (the words AND the minute), idx_messages_text_search (the seeds' name and
-- definition, kept) the conditions on the words alone (the open path, the plain definition).
-- With the same expression the planner picks either GIN by a hair of cost for those.
-- Every insert into messages updates both GIN indexes (fastupdate: through the pending list).
-- Built CONCURRENTLY, alone in its script (Flyway runs it outside a transaction): writers go on
-- inserting while it builds; a failed build leaves an INVALID index that the deploy tool rebuilds.
-- Risk: low (one concurrent build; no lock that stops inserts).
-- Expected duration: ~15 s on 2,000,000 messages (2 cores).
-- Rollback: db/rollback/R11__messages_search_time_index.sql (DROP INDEX CONCURRENTLY).

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_search_time
    ON messages USING gin (to_tsvector('czech', text || ''), date_trunc('minute', created_at AT TIME ZONE 'UTC'));
