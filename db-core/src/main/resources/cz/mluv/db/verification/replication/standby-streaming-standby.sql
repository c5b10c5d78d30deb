-- On a standby: its WAL receiver (one row while it runs; none when it stopped or never started).
SELECT status, sender_host, sender_port, slot_name, last_msg_receipt_time
FROM pg_stat_wal_receiver
