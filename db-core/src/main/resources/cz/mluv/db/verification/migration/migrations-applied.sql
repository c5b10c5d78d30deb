-- Flyway's schema history, oldest first: every migration applied, with its outcome.
SELECT installed_rank,
       version,
       description,
       type,
       success,
       installed_on,
       execution_time AS execution_ms
FROM flyway_schema_history
ORDER BY installed_rank
