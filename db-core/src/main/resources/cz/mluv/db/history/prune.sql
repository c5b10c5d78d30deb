-- Retention: whole snapshots older than the retention (seconds, bound); their rows go by cascade.
DELETE FROM stats_snapshot WHERE taken_at < clock_timestamp() - make_interval(secs => ?)
