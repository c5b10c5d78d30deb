-- Rolls back V6__verifier_grants.sql: mluv_verifier may no longer read flyway_schema_history and
-- mv_refresh_log (the verification checks that need them are SKIPPED under it again). Nothing to
-- do when the role does not exist. Runs in one transaction.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mluv_verifier') THEN
        REVOKE SELECT ON flyway_schema_history, mv_refresh_log FROM mluv_verifier;
    END IF;
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE NOTICE 'mluv_verifier grants kept (%)', SQLERRM;
END
$$;
