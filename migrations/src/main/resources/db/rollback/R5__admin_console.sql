-- Rolls back V5__admin_console.sql: drops the admin console's tables (its accounts, deployment
-- records and checklist results are lost). Runs in one transaction.
DROP TABLE IF EXISTS checklist_item_result;
DROP TABLE IF EXISTS deployment_record;
DROP TABLE IF EXISTS admin_user;
