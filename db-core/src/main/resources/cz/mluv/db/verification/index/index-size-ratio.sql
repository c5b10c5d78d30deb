-- Every index of the current schema with its size and the size of its table (heap and TOAST),
-- and the index's share of the table (seed 002: "Index size < 20% of table size").
SELECT t.relname                                              AS table_name,
       c.relname                                              AS index_name,
       pg_size_pretty(pg_table_size(t.oid))                   AS table_size,
       pg_size_pretty(pg_relation_size(c.oid))                AS index_size,
       round(100.0 * pg_relation_size(c.oid) / nullif(pg_table_size(t.oid), 0), 1) AS index_percent_of_table,
       pg_table_size(t.oid)                                   AS table_bytes,
       pg_relation_size(c.oid)                                AS index_bytes
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace = current_schema()::regnamespace
  AND t.relkind IN ('r', 'm', 'p')
ORDER BY t.relname, c.relname
