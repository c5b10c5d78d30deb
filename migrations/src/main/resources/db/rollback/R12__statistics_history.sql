-- Rolls back V12__statistics_history.sql: drops the statistics history (its snapshots are lost;
-- deployment records keep their baseline and post texts). Runs in one transaction with the
-- schema-history delete.
DROP TABLE IF EXISTS relation_size_history;
DROP TABLE IF EXISTS query_stats_history;
DROP TABLE IF EXISTS stats_snapshot;
