-- Cumulative shared-buffer hits and reads of the tables and indexes of the current schema.
SELECT coalesce(sum(heap_blks_hit), 0)                  AS heap_blocks_hit,
       coalesce(sum(heap_blks_read), 0)                 AS heap_blocks_read,
       coalesce(sum(idx_blks_hit), 0)                   AS index_blocks_hit,
       coalesce(sum(idx_blks_read), 0)                  AS index_blocks_read
FROM pg_statio_user_tables
WHERE schemaname = current_schema()
