-- PgHero's space page: every table and materialized view of the current schema with its own size,
-- the size of its indexes and the total with TOAST, bytes, largest first.
SELECT c.relname                                                   AS relation,
       CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind,
       pg_table_size(c.oid)                                        AS table_bytes,
       pg_indexes_size(c.oid)                                      AS index_bytes,
       pg_total_relation_size(c.oid)                               AS total_bytes,
       pg_size_pretty(pg_total_relation_size(c.oid))               AS total_size
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm', 'p')
  AND n.nspname = current_schema()
ORDER BY pg_total_relation_size(c.oid) DESC, c.relname
