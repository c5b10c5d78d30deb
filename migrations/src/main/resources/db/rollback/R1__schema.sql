-- Rolls back V1__schema.sql: drops every table of the domain schema (all their rows are lost)
-- and the czech text search configuration. No CASCADE: an object that someone else built on
-- these tables stops the rollback instead of disappearing with them. The unaccent extension
-- stays: V1 created it only if missing, and other objects may use it. Runs in one transaction.
DROP TABLE IF EXISTS user_stars;
DROP TABLE IF EXISTS saved_words;
DROP TABLE IF EXISTS daily_stats;
DROP TABLE IF EXISTS messages;
DROP TABLE IF EXISTS user_settings;
DROP TABLE IF EXISTS users;
DROP TEXT SEARCH CONFIGURATION IF EXISTS public.czech;
