-- Newest-first search, third version (issue 10): a GIN index that holds the hour a message was
-- written (UTC, btree_gin from V10) AND its words, so search_messages (V14) finds the matches of a
-- query within a set of hours by intersecting posting lists that are sorted the same way.
-- Why the hour as an equality key and not V11's minute range: GIN reads a range condition (V11's
-- "minute >= window start") into a bitmap of every message in the window before the words are
-- applied, about 0.2 us per message: a rare pair (pivo praze) needs a window of ~100,000
-- messages, 25-60 ms at 20,000,000 messages. An equality key is a posting list that the GIN scan
-- can skip through: messages are appended in the order they are written, so the messages of one
-- hour are one run of heap positions, and the scan steps between the hour's run and the rarest
-- word's posting list (GIN's scanGetItem/keyGetItem skip to the next candidate). Measured on
-- 20,000,000 messages written in time order (pgbench p50, 1 client): pivo praze 1.64 ms (V10's
-- minute range on the same rows: 8.22 ms), knedliky 0.60 ms (0.53 ms).
-- The hour is the FIRST column on purpose: GIN advances its scan keys in column order and asks the
-- next key only when the previous one matches; with the words first, a pair that never occurs
-- together (pivo hospoda) made each hour's scan read both words' whole posting lists (9 ms an
-- hour at 20,000,000 messages); with the hour first it reads the words only inside the hour (0.4 ms).
-- fastupdate = off: every insert goes into the index at once instead of the pending list, which
-- every search would otherwise read in full (up to gin_pending_list_limit, 4 MB) before the hours.
-- Its words column is to_tsvector('czech', text || ''), as V11's, for the reason given there: each
-- GIN serves one kind of scan and every plan contract can name its index.
-- V15 drops V11's idx_messages_search_time, which V14's search_messages no longer uses.
-- Built CONCURRENTLY, alone in its script (Flyway runs it outside a transaction): writers go on
-- inserting while it builds; a failed build leaves an INVALID index that the deploy tool rebuilds.
-- Risk: low (one concurrent build; no lock that stops inserts).
-- Expected duration: ~15 s on 2,000,000 messages (2 cores).
-- Rollback: db/rollback/R13__messages_search_hour_index.sql (DROP INDEX CONCURRENTLY).

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_search_hour
    ON messages USING gin (date_trunc('hour', created_at AT TIME ZONE 'UTC'), to_tsvector('czech', text || ''))
    WITH (fastupdate = off);
