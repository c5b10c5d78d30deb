-- For each index that an applied migration declares: does it exist in the current schema, and is
-- it valid? Parameters: 1 = the index names, 2 = the version of the migration declaring each (same
-- order). Only migrations recorded as successful in Flyway's schema history count, so indexes of a
-- migration that was rolled back (or not applied yet) are not expected.
SELECT e.name                          AS index_name,
       e.version                       AS declared_in,
       t.relname                       AS table_name,
       c.oid IS NOT NULL               AS present,
       coalesce(i.indisvalid, false)   AS valid,
       pg_size_pretty(pg_relation_size(c.oid)) AS size
FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS e(name, version, position)
LEFT JOIN pg_class c ON c.relname = e.name AND c.relkind = 'i'
                    AND c.relnamespace = current_schema()::regnamespace
LEFT JOIN pg_index i ON i.indexrelid = c.oid
LEFT JOIN pg_class t ON t.oid = i.indrelid
WHERE EXISTS (SELECT 1 FROM flyway_schema_history h WHERE h.version = e.version AND h.success)
ORDER BY e.position
