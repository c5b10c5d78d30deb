-- The snapshots a deployment record took, oldest first.
SELECT id FROM stats_snapshot WHERE deployment_id = ? ORDER BY id
