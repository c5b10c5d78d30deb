SELECT statements_reset_at FROM stats_snapshot WHERE statements_available ORDER BY id DESC LIMIT 1
