-- Physical replication slots and the walsender streaming through each (if any), and walsenders
-- without a slot. A standby that stopped streaming leaves its slot without an active walsender.
SELECT coalesce(s.slot_name, r.application_name)                     AS standby,
       s.slot_name,
       s.active                                                      AS slot_active,
       r.state,
       r.client_addr::text                                           AS client_addr
FROM pg_replication_slots s
FULL JOIN pg_stat_replication r ON r.pid = s.active_pid
WHERE s.slot_type IS NULL OR s.slot_type = 'physical'
ORDER BY 1
