-- The total size of each relation at each of the newest snapshots (limit bound), oldest first.
SELECT s.id AS snapshot_id, s.taken_at, r.relation, r.total_bytes
FROM (SELECT id, taken_at FROM stats_snapshot ORDER BY id DESC LIMIT ?) s
JOIN relation_size_history r ON r.snapshot_id = s.id
ORDER BY s.id, r.total_bytes DESC, r.relation
