-- PgHero's table cache hit rate: heap blocks found in shared buffers per heap block wanted, per
-- table of the current schema, since the statistics reset.
SELECT s.relname                                                                          AS relation,
       s.heap_blks_hit                                                                    AS hits,
       s.heap_blks_read                                                                   AS reads,
       round(100.0 * s.heap_blks_hit / nullif(s.heap_blks_hit + s.heap_blks_read, 0), 2) AS hit_percent
FROM pg_statio_user_tables s
WHERE s.schemaname = current_schema()
ORDER BY s.heap_blks_read DESC, s.relname
