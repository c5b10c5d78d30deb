-- Replication slots of this server: an inactive slot keeps every WAL segment from its restart_lsn
-- on, until the disk fills; wal_status 'unreserved' or 'lost' means WAL it needs is (about to be) gone.
SELECT slot_name,
       slot_type,
       active,
       wal_status,
       pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint    AS retained_bytes,
       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots
ORDER BY slot_name
