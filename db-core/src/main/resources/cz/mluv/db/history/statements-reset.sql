-- When pg_stat_statements was last reset as a whole (PostgreSQL 14+).
SELECT stats_reset FROM pg_stat_statements_info
