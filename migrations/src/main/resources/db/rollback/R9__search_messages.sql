-- Rolls back V9__search_messages.sql: drops the search function (no data is lost). Runs in one
-- transaction with the schema-history delete.
DROP FUNCTION IF EXISTS search_messages(text, integer, bigint);
