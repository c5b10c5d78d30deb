-- A read-only role for the post-deployment verification: it reads catalogs and statistics
-- (pg_monitor, which includes pg_read_all_stats and pg_read_all_settings) but no table data
-- (no SELECT on the domain tables) and runs no DDL. NOLOGIN: grant it to a login role
-- (GRANT mluv_verifier TO some_login) to use it. Roles belong to the whole server, not to one
-- database, so it is created only when missing.
-- Risk: low (one role, no table touched). Expected duration: < 1 s on any size.
-- Rollback: db/rollback/R4__verifier_role.sql drops the role (server-wide).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mluv_verifier') THEN
        CREATE ROLE mluv_verifier NOLOGIN;
    END IF;
    -- Since PostgreSQL 16 only a superuser or a holder of ADMIN OPTION on pg_monitor may grant it.
    GRANT pg_monitor TO mluv_verifier;
EXCEPTION
    WHEN insufficient_privilege THEN
        -- A migrating user without CREATEROLE (or without ADMIN on pg_monitor) is normal on managed
        -- databases: the schema does not depend on this role, so skip it and say how to add it.
        RAISE NOTICE 'mluv_verifier not set up (%): a superuser can run CREATE ROLE mluv_verifier NOLOGIN; GRANT pg_monitor TO mluv_verifier;', SQLERRM;
    WHEN duplicate_object OR unique_violation THEN
        -- Another database of this server migrated at the same moment and created the role first.
        RAISE NOTICE 'mluv_verifier was created by a concurrent migration';
END
$$;
