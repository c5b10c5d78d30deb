-- The newest snapshots (limit bound), oldest first, each with the hits and reads of tables and
-- indexes since the snapshot before it (the first one of the window has none).
SELECT id, taken_at, source, statements_available, reset_detected,
       heap_blocks_hit - lag(heap_blocks_hit) OVER w    AS heap_hits,
       heap_blocks_read - lag(heap_blocks_read) OVER w  AS heap_reads,
       index_blocks_hit - lag(index_blocks_hit) OVER w  AS index_hits,
       index_blocks_read - lag(index_blocks_read) OVER w AS index_reads
FROM (SELECT * FROM stats_snapshot ORDER BY id DESC LIMIT ?) s
WINDOW w AS (ORDER BY id)
ORDER BY id
