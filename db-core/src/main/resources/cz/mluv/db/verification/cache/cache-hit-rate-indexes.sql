-- PgHero's index cache hit rate: index blocks found in shared buffers per index block wanted, per
-- index of the current schema, since the statistics reset.
SELECT s.indexrelname                                                                   AS relation,
       s.idx_blks_hit                                                                   AS hits,
       s.idx_blks_read                                                                  AS reads,
       round(100.0 * s.idx_blks_hit / nullif(s.idx_blks_hit + s.idx_blks_read, 0), 2) AS hit_percent
FROM pg_statio_user_indexes s
WHERE s.schemaname = current_schema()
ORDER BY s.idx_blks_read DESC, s.relname, s.indexrelname
