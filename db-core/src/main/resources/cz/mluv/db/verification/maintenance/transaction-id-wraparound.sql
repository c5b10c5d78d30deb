-- PgHero's transaction ID danger: how old the oldest unfrozen transaction ID of the database and
-- of each table (with its TOAST table) of the current schema is, and how many transactions are
-- left before the 2^31 wraparound horizon, where PostgreSQL stops taking writes.
SELECT '(database ' || d.datname || ')'      AS relation,
       age(d.datfrozenxid)::bigint            AS xid_age,
       2147483647 - age(d.datfrozenxid)::bigint AS transactions_left
FROM pg_database d
WHERE d.datname = current_database()
UNION ALL
SELECT c.relname,
       greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0))::bigint,
       2147483647 - greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0))::bigint
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
WHERE c.relkind IN ('r', 'm')
  AND n.nspname = current_schema()
ORDER BY 2 DESC, 1
