-- A table of the current schema: its estimated rows, the distinct values of each column
-- (pg_stats.n_distinct: negative = a share of the rows) and the columns of each valid index
-- without a predicate, in index order.
SELECT c.reltuples::bigint AS estimated_rows,
       (SELECT coalesce(jsonb_object_agg(s.attname, CASE WHEN s.n_distinct < 0 THEN -s.n_distinct * greatest(c.reltuples, 1)
                                                       ELSE s.n_distinct END), '{}'::jsonb)::text
        FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname) AS distinct_values,
       (SELECT coalesce(jsonb_agg(cols), '[]'::jsonb)::text
        FROM (SELECT jsonb_agg(a.attname ORDER BY k.ord) AS cols
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisvalid AND i.indpred IS NULL
              GROUP BY i.indexrelid) idx) AS index_columns
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'm', 'p')
