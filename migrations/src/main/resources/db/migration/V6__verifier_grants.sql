-- Lets the read-only verification role of V4 read the two bookkeeping tables the post-deployment
-- checklist needs: flyway_schema_history (checks migrations-applied and expected-indexes) and
-- mv_refresh_log (view-freshness). Still no SELECT on the domain tables (users, messages, ...):
-- mluv_verifier reads catalogs, statistics and bookkeeping, not user data, so the plan contracts
-- (EXPLAIN needs SELECT on the tables) stay SKIPPED under it. Skipped with a NOTICE when the role
-- does not exist (V4 skips it for a migrating user without CREATEROLE): after a superuser has
-- created it, run the GRANT below by hand.
-- Risk: low (two privileges, no row touched). Expected duration: < 1 s on any size.
-- Rollback: db/rollback/R6__verifier_grants.sql revokes both privileges.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mluv_verifier') THEN
        RAISE NOTICE 'mluv_verifier does not exist: no grants (once it exists: GRANT SELECT ON flyway_schema_history, mv_refresh_log TO mluv_verifier;)';
        RETURN;
    END IF;
    GRANT SELECT ON flyway_schema_history, mv_refresh_log TO mluv_verifier;
EXCEPTION
    WHEN insufficient_privilege THEN
        -- The migrating user does not own the tables (or may not grant on them): the schema does
        -- not depend on these grants, so say how to add them instead of failing the deployment.
        RAISE NOTICE 'mluv_verifier grants skipped (%): the tables'' owner can run GRANT SELECT ON flyway_schema_history, mv_refresh_log TO mluv_verifier;', SQLERRM;
END
$$;
