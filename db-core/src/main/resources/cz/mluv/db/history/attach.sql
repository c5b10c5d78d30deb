-- A deployment record took this snapshot (deployment id, snapshot id bound).
UPDATE stats_snapshot SET deployment_id = ? WHERE id = ?
