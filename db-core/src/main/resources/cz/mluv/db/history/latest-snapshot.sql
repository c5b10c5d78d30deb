SELECT max(id) AS id FROM stats_snapshot
