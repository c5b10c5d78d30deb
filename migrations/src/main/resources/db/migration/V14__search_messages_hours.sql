-- Newest-first Czech full-text search, version 3 (issue 10): search_messages(query, limit,
-- before_id) returns exactly what V9's and V10's did (the newest `limit` messages matching
-- websearch_to_tsquery('czech', query), ties by id, strictly older in (created_at, id) than
-- message before_id when it is given). The paths, chosen by the planner's estimate of the matches:
--   walk   a query in at least 1 of 8 messages (je): walk the newest 3 * limit / density messages
--          of idx_messages_created and keep the matches (V10's path; V10 walked from 1 in 32, but a
--          walk recomputes to_tsvector for every message it reads, ~5 us each, and a window of
--          hours is now cheaper for a word in 1 of 20: babicka 1.9 ms against 6.7 ms walked, one
--          call each at 20,000,000 messages);
--   window a query with more than 25 * limit estimated matches (knedliky, spravne pivo, pivo
--          praze): the hours from the newest on, one bitmap scan of idx_messages_search_hour
--          (V13) per window, the hour = ANY (the window's hours) AND the words, i.e. one GIN scan
--          per hour. The first window is sized by the estimate and the recent rate of writing to
--          hold about 2 * limit matches; the next windows are the older hours, widened by the
--          shortfall (x1..x8 the hours so far), and the matches of each are appended: a window
--          holds only messages older than every window before it. It ends when `limit` matches
--          are found or the oldest hour is read;
--   open   a query with few estimated matches (at most 25 * limit: the open path reads each match,
--          ~1.5 us, and a window costs ~1 ms; pivo hospoda at 2,000,000), a window over 1,024 hours,
--          a heap out of time order where the window holds over 25 messages per estimated match,
--          or a window that found nothing where 2 * limit were expected (a word of the past, or
--          one the statistics overrate): every match older than the cursor from
--          idx_messages_text_search, the newest `limit` of them (unchanged from V10).
-- What a window costs: the GIN scan steps between the hour's posting list (one run of heap
-- positions: messages are appended as they are written) and the rarest word's, so a window costs
-- about the rarest word's occurrences within its hours, not the messages in them (V11's minute
-- range read every message of the window into a bitmap first). Measured at 20,000,000 messages
-- written in time order (pgbench p50, 1 client): knedliky 0.60 ms, pivo praze 1.64 ms (V10 on the
-- same rows: 0.53 and 8.22 ms). In a heap that
-- is not in time order (pg_stats correlation of created_at under 0.9) a window costs about its
-- messages instead, and the open path is preferred where it reads fewer matches (see below).
-- The window's words condition is on to_tsvector('czech', text || ''), the expression of V13's
-- index (the same words; see V11 for why it is spelled so); the walk, the open path and the
-- estimate use to_tsvector('czech', text), served by idx_messages_text_search.
-- Every path ends with the same rows: a window returns only when it holds `limit` matches or
-- every hour has been read, and every message newer than its oldest hour is in it or an earlier
-- window. The estimate only picks the path. RAISE DEBUG names the path taken
-- (SearchMatchesPlainSqlTest checks every path against the plain SQL).
-- The estimate is EXPLAIN's row count of the GIN condition (EXPLAIN is why the function is VOLATILE).
-- No parallel workers inside (SET max_parallel_workers_per_gather = 0 for the call): at 20,000,000
-- messages the planner gave the open path of an absent word (estimated 70,000 matches) a Parallel
-- Bitmap Heap Scan, and starting the workers cost ~4 ms of a 0.45 ms search (p95 at 4 clients
-- 25.5 ms against 1.28 ms without); no statement here reads enough rows to repay a worker.
-- One SQL statement for the caller; the function runs 4 to 9 statements inside the server.
-- Risk: low (a function; no table is locked or touched).
-- Expected duration: < 1 s on any size.
-- Rollback: db/rollback/R14__search_messages_hours.sql restores V10's search_messages.

CREATE OR REPLACE FUNCTION search_messages(p_query text, p_limit integer, p_before_id bigint DEFAULT NULL)
    RETURNS SETOF messages
    LANGUAGE plpgsql VOLATILE ROWS 20
    SET max_parallel_workers_per_gather = 0
AS $fn$
DECLARE
    query    tsquery := websearch_to_tsquery('czech', p_query);
    upper_at timestamptz;
    upper_id bigint := 9223372036854775807;
    plan     json;
    estimate double precision;
    total    double precision;
    density  double precision;
    walk     bigint;
    span     interval;
    per_hour double precision;
    width    integer;
    scanned  integer := 0;
    newest   timestamp;
    oldest   timestamp;
    first_hr timestamp;
    ids      bigint[];
    batch    bigint[];
    found    integer;
    order_of double precision;
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR numnode(query) = 0 THEN
        RETURN;
    END IF;
    IF p_before_id IS NULL THEN
        SELECT m.created_at INTO upper_at FROM messages m ORDER BY m.created_at DESC, m.id DESC LIMIT 1;
    ELSE
        SELECT m.created_at, m.id INTO upper_at, upper_id FROM messages m WHERE m.id = p_before_id;
    END IF;
    IF upper_at IS NULL THEN
        RETURN;
    END IF;
    -- The planner's estimate of the query's matches in the whole table and of the table's size.
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM messages m WHERE to_tsvector(''czech'', m.text) @@ $1'
        INTO plan USING query;
    estimate := greatest((plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision, 1);
    SELECT greatest(c.reltuples, estimate, 1) INTO total FROM pg_class c WHERE c.oid = 'messages'::regclass;
    density := estimate / total;

    IF density >= 1.0 / 8 THEN
        -- walk: about 3 * limit matches expected among the newest 3 * limit / density messages.
        walk := ceil(3 * p_limit / density);
        RAISE DEBUG 'search_messages: walk % messages (estimate %)', walk, estimate;
        SELECT array_agg(w.id ORDER BY w.created_at DESC, w.id DESC) INTO ids
        FROM (SELECT m.id, m.created_at, m.text FROM messages m
              WHERE (m.created_at, m.id) < (upper_at, upper_id)
              ORDER BY m.created_at DESC, m.id DESC LIMIT walk) w
        WHERE to_tsvector('czech', w.text) @@ query;
        IF cardinality(ids) >= p_limit THEN
            RETURN QUERY SELECT m.* FROM messages m WHERE m.id = ANY (ids[1:p_limit]);
            RETURN;
        END IF;
    END IF;

    IF estimate > 25 * p_limit THEN
        -- The recent rate of writing: the newest 16 * limit messages older than the cursor
        -- (an index-only walk of idx_messages_created) and the time they span.
        SELECT upper_at - m.created_at INTO span FROM messages m
        WHERE (m.created_at, m.id) < (upper_at, upper_id)
        ORDER BY m.created_at DESC, m.id DESC OFFSET 16 * p_limit - 1 LIMIT 1;
        per_hour := 16 * p_limit / greatest(extract(epoch FROM coalesce(span, interval '1 hour')) / 3600, 1.0 / 60);
        width := least(greatest(ceil(2 * p_limit / density / per_hour), 1), 1025);
        -- A window is cheap only while the heap is in the order of writing (pg_stats correlation of
        -- created_at, 1 for an append-only table): then an hour's messages are one run of heap
        -- positions. In a heap out of that order (correlation 0.03 measured on messages loaded user by
        -- user) each hour's scan meets the whole table, ~0.16 us per message of the window, against
        -- ~4 us per match on the open path: the open path is taken when it reads fewer matches than
        -- 1 / 25 of the window's messages (a pair never found together: 8 ms instead of 95 ms at
        -- 20,000,000 messages).
        SELECT abs(s.correlation) INTO order_of FROM pg_stats s
        WHERE s.schemaname = current_schema() AND s.tablename = 'messages' AND s.attname = 'created_at';
        IF coalesce(order_of, 0) < 0.9 AND estimate * 25 <= width * per_hour THEN
            width := 1025;
        END IF;
        SELECT date_trunc('hour', m.created_at AT TIME ZONE 'UTC') INTO oldest
        FROM messages m ORDER BY m.created_at, m.id LIMIT 1;
        newest := date_trunc('hour', upper_at AT TIME ZONE 'UTC');
        ids := '{}';
        LOOP
            -- So many hours are no cheaper than the open path.
            EXIT WHEN width > 1024;
            first_hr := greatest(newest - (width - 1) * interval '1 hour', oldest);
            RAISE DEBUG 'search_messages: window of % hours from % (estimate %)', width, newest, estimate;
            -- One bitmap scan of idx_messages_search_hour: one GIN scan per hour of the window,
            -- each the hour AND the words. The cursor and the order are applied above the OFFSET 0
            -- fence, so no other index is combined in.
            SELECT array_agg(w.id ORDER BY w.created_at DESC, w.id DESC) INTO batch
            FROM (SELECT x.id, x.created_at
                  FROM (SELECT m.id, m.created_at FROM messages m
                        WHERE date_trunc('hour', m.created_at AT TIME ZONE 'UTC')
                                  = ANY (ARRAY(SELECT generate_series(newest, first_hr, interval '-1 hour')))
                          AND to_tsvector('czech', m.text || '') @@ query
                        OFFSET 0) x
                  WHERE (x.created_at, x.id) < (upper_at, upper_id)
                  ORDER BY x.created_at DESC, x.id DESC LIMIT p_limit - cardinality(ids)) w;
            ids := ids || coalesce(batch, '{}');
            found := cardinality(ids);
            scanned := scanned + width;
            IF found >= p_limit OR first_hr <= oldest THEN
                RETURN QUERY SELECT m.* FROM messages m WHERE m.id = ANY (ids);
                RETURN;
            END IF;
            -- Nothing where 2 * limit were expected: the estimate does not hold for the newest
            -- messages: the open path.
            EXIT WHEN found = 0 AND density * scanned * per_hour >= 2 * p_limit;
            newest := first_hr - interval '1 hour';
            width := least(greatest(ceil(2.0 * (p_limit - found) * scanned / greatest(found, 1)), scanned), 8 * scanned);
        END LOOP;
    END IF;

    -- open: every match older than the cursor (GIN), the newest `limit` of them.
    RAISE DEBUG 'search_messages: open (estimate %)', estimate;
    RETURN QUERY SELECT m.* FROM messages m WHERE m.id = ANY (ARRAY(
        SELECT w.id FROM (SELECT m.id, m.created_at FROM messages m
                          WHERE to_tsvector('czech', m.text) @@ query OFFSET 0) w
        WHERE (w.created_at, w.id) < (upper_at, upper_id)
        ORDER BY w.created_at DESC, w.id DESC LIMIT p_limit));
END
$fn$;
