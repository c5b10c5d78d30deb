-- Which materialized views of the current schema exist and are populated (pg_matviews). Their
-- refresh times come from mv_refresh_log through the refresh module's own freshness query
-- (cz.mluv.db.refresh.RefreshLogRepository.FRESHNESS_SQL), run once per view after this one.
SELECT matviewname AS view_name,
       ispopulated AS populated
FROM pg_matviews
WHERE schemaname = current_schema()
ORDER BY matviewname
