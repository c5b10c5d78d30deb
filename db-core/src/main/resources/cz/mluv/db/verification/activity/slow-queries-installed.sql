-- Is the pg_stat_statements extension created in this database?
SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS installed
