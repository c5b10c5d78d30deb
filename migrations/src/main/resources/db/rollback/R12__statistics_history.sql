-- Rolls back V12__statistics_history.sql: drops the statistics history (its snapshots are lost)
-- and the snapshot ids of deployment records (their baseline and post texts stay). Runs in one
-- transaction with the schema-history delete.
ALTER TABLE deployment_record DROP COLUMN IF EXISTS post_snapshot_id;
ALTER TABLE deployment_record DROP COLUMN IF EXISTS baseline_snapshot_id;
DROP TABLE IF EXISTS relation_size_history;
DROP TABLE IF EXISTS query_stats_history;
DROP TABLE IF EXISTS stats_snapshot;
