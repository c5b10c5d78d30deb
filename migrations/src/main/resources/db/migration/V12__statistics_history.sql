-- Statistics history (issue 12): the scheduler snapshots pg_stat_statements and the size of every
-- relation on a schedule, so that the console charts a statement's mean and p95 proxy, the cache
-- hit rate and space growth over time, and a deployment record's baseline and post-deployment
-- numbers come from the history. stats_snapshot holds one row per snapshot, with the cumulative
-- block counters (pg_statio) and pg_stat_statements_info.stats_reset; query_stats_history holds
-- each statement's cumulative counters and the interval since the previous snapshot (computed
-- when taken: after a reset of pg_stat_statements the interval counts from zero);
-- relation_size_history the size of each table and materialized view. Retention deletes whole
-- snapshots (ON DELETE CASCADE). A snapshot a deployment record took for its baseline or post
-- numbers names the record (deployment_id; no foreign key: records and snapshots are kept and
-- rolled back apart, and retention may delete the snapshot while the record's text stays).
-- Every foreign key leads a primary key; retention deletes by taken_at read stats_snapshot whole
-- (one row per snapshot: about 1,350 rows at 15-minute ticks kept 14 days).
-- Risk: low (three new, empty tables; nothing existing is touched). Expected duration: < 1 s on any size.
-- Rollback: db/rollback/R12__statistics_history.sql drops the three tables (the history is lost).

CREATE TABLE IF NOT EXISTS stats_snapshot (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taken_at             timestamptz      NOT NULL DEFAULT clock_timestamp(),
    source               text             NOT NULL CHECK (source IN ('schedule', 'deployment', 'manual')),
    deployment_id        bigint,
    statements_available boolean          NOT NULL,
    statements_reset_at  timestamptz,
    reset_detected       boolean          NOT NULL DEFAULT false,
    heap_blocks_hit      bigint           NOT NULL,
    heap_blocks_read     bigint           NOT NULL,
    index_blocks_hit     bigint           NOT NULL,
    index_blocks_read    bigint           NOT NULL
);

CREATE TABLE IF NOT EXISTS query_stats_history (
    snapshot_id       bigint           NOT NULL REFERENCES stats_snapshot (id) ON DELETE CASCADE,
    queryid           bigint           NOT NULL,
    query             text             NOT NULL,
    calls             bigint           NOT NULL,
    total_exec_ms     double precision NOT NULL,
    sum_sq_exec_ms    double precision NOT NULL,
    max_exec_ms       double precision NOT NULL,
    result_rows       bigint           NOT NULL,
    interval_calls    bigint           NOT NULL,
    interval_exec_ms  double precision NOT NULL,
    interval_sum_sq_ms double precision NOT NULL,
    PRIMARY KEY (snapshot_id, queryid)
);

-- One statement's history (the console's chart) reads by queryid. The table was created empty a few
-- lines above, in this migration's transaction: a plain CREATE INDEX blocks nobody here, and
-- CONCURRENTLY cannot run inside that transaction.
-- squawk-ignore require-concurrent-index-creation
CREATE INDEX IF NOT EXISTS idx_query_stats_history_queryid ON query_stats_history (queryid, snapshot_id);

CREATE TABLE IF NOT EXISTS relation_size_history (
    snapshot_id bigint NOT NULL REFERENCES stats_snapshot (id) ON DELETE CASCADE,
    relation    text   NOT NULL,
    kind        text   NOT NULL,
    table_bytes bigint NOT NULL,
    index_bytes bigint NOT NULL,
    total_bytes bigint NOT NULL,
    PRIMARY KEY (snapshot_id, relation)
);

