-- Rolls back V3__user_stats_summary.sql: the materialized view (dropping it drops its seven
-- indexes too) and the refresh log (its rows are lost). Runs in one transaction.
DROP MATERIALIZED VIEW IF EXISTS user_stats_summary;
DROP TABLE IF EXISTS mv_refresh_log;
