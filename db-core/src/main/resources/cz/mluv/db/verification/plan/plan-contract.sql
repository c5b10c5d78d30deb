-- The tables behind a plan contract and their estimated rows: the table the expected index is on,
-- and every table the plan reads with a Seq Scan. Rows are estimated as the planner does: the
-- density of the last ANALYZE (reltuples per relpages) times the table's current pages; a table
-- analyzed while empty or never analyzed (reltuples 0 or -1) falls back to the statistics' live
-- rows (a view refreshed CONCURRENTLY after ANALYZE, for instance).
-- Parameters: 1 = the expected index, 2 and 3 = the relations read by Seq Scan.
WITH expected AS (
    SELECT i.indrelid
    FROM pg_index i
    JOIN pg_class ix ON ix.oid = i.indexrelid
    WHERE ix.relname = ? AND ix.relnamespace = current_schema()::regnamespace
)
SELECT t.relname                               AS table_name,
       CASE WHEN t.reltuples > 0 AND t.relpages > 0
            THEN round(t.reltuples / t.relpages * (pg_relation_size(t.oid) / current_setting('block_size')::int))
            ELSE coalesce(s.n_live_tup, 0)
       END::bigint                             AS estimated_rows,
       t.oid IN (SELECT indrelid FROM expected) AS has_expected_index,
       t.relname = ANY (?::text[])             AS seq_scanned
FROM pg_class t
LEFT JOIN pg_stat_all_tables s ON s.relid = t.oid
WHERE t.relnamespace = current_schema()::regnamespace
  AND t.relkind IN ('r', 'm', 'p')
  AND (t.oid IN (SELECT indrelid FROM expected) OR t.relname = ANY (?::text[]))
ORDER BY t.relname
