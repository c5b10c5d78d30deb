-- Rolls back V4__verifier_role.sql: drops the verification role. Roles are server-wide: every
-- database of this server loses it. Skipped with a NOTICE when the migrating user may not drop
-- roles or when objects or privileges still depend on the role.
DO $$
BEGIN
    DROP ROLE IF EXISTS mluv_verifier;
EXCEPTION
    WHEN insufficient_privilege OR dependent_objects_still_exist THEN
        RAISE NOTICE 'mluv_verifier kept (%)', SQLERRM;
END
$$;
