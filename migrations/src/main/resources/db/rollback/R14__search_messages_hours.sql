-- Rolls back V14__search_messages_hours.sql: search_messages goes back to V10's definition (its
-- windows read minutes from idx_messages_search_time, which R15 builds again before this runs; the
-- same rows). Runs in one transaction; no data lost.

CREATE OR REPLACE FUNCTION search_messages(p_query text, p_limit integer, p_before_id bigint DEFAULT NULL)
    RETURNS SETOF messages
    LANGUAGE plpgsql VOLATILE ROWS 20
AS $fn$
DECLARE
    query    tsquery := websearch_to_tsquery('czech', p_query);
    upper_at timestamptz;
    upper_id bigint := 9223372036854775807;
    oldest   timestamptz;
    span     interval;
    plan     json;
    estimate double precision;
    total    double precision;
    density  double precision;
    walk     bigint;
    found    integer;
    growth   integer;
    probe    tsquery;
    ids      bigint[];
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

    IF density >= 1.0 / 32 THEN
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

    IF estimate * estimate > 0.03 * p_limit * total THEN
        -- window. The GIN scan reads the posting list of every word of its query, so for words
        -- joined by & only (spravne pivo) it is given the rarest word (the statistics' most common
        -- elements; a word not listed is rarer than any listed) and the whole query is checked on
        -- the few rows that have it; a word in 40 % of the messages is then never read.
        probe := query;
        IF CAST(query AS text) ~ '^''[^'']+''( & ''[^'']+'')+$' THEN
            SELECT CAST(quote_literal(w.lexeme) AS tsquery) INTO probe
            FROM regexp_matches(CAST(query AS text), '''([^'']+)''', 'g') AS x(match)
            CROSS JOIN LATERAL (SELECT x.match[1] AS lexeme) w
            LEFT JOIN (SELECT e.elem, e.freq
                       FROM pg_stats s, unnest(CAST(CAST(s.most_common_elems AS text) AS text[]), s.most_common_elem_freqs) AS e(elem, freq)
                       WHERE s.schemaname = current_schema() AND s.tablename = 'idx_messages_text_search') f ON f.elem = w.lexeme
            ORDER BY coalesce(f.freq, 0), w.lexeme LIMIT 1;
        END IF;
        -- The first window holds about the newest 2 * limit / density messages (at least
        -- 16 * limit): its length in time is that of the newest 16 * limit messages (an index-only
        -- walk of idx_messages_created) times the ratio, the recent rate of writing.
        SELECT m.created_at INTO oldest FROM messages m ORDER BY m.created_at, m.id LIMIT 1;
        walk := greatest(ceil(2 * p_limit / density), 16 * p_limit);
        SELECT (upper_at - m.created_at) * (walk / (16.0 * p_limit)) INTO span FROM messages m
        WHERE (m.created_at, m.id) < (upper_at, upper_id)
        ORDER BY m.created_at DESC, m.id DESC OFFSET 16 * p_limit - 1 LIMIT 1;
        span := greatest(span, interval '1 minute');
        LOOP
            -- A window reaching the oldest message is no cheaper than the open path.
            EXIT WHEN span IS NULL OR upper_at - span <= oldest;
            RAISE DEBUG 'search_messages: window % (estimate %, probe %)', span, estimate, probe;
            -- One GIN scan of idx_messages_search_time: the probe AND the minutes from the window's
            -- start on (no upper minute: GIN would read every older minute for it). The cursor's
            -- exact bound and the whole query are applied above the OFFSET 0 fence, so no other
            -- index is combined in.
            SELECT array_agg(w.id ORDER BY w.created_at DESC, w.id DESC) INTO ids
            FROM (SELECT m.id, m.created_at, m.text FROM messages m
                  WHERE to_tsvector('czech', m.text || '') @@ probe
                    AND date_trunc('minute', m.created_at AT TIME ZONE 'UTC')
                        >= date_trunc('minute', (upper_at - span) AT TIME ZONE 'UTC')
                  OFFSET 0) w
            WHERE (w.created_at, w.id) < (upper_at, upper_id)
              AND (probe = query OR to_tsvector('czech', w.text) @@ query);
            found := coalesce(cardinality(ids), 0);
            IF found >= p_limit THEN
                RETURN QUERY SELECT m.* FROM messages m WHERE m.id = ANY (ids[1:p_limit]);
                RETURN;
            END IF;
            -- Nothing where 2 * limit were expected: the estimate does not hold for the newest
            -- messages (a word of the past, or one the statistics overrate): the open path.
            EXIT WHEN found = 0 AND density * walk >= p_limit;
            growth := least(greatest(ceil(2.0 * p_limit / greatest(found, 1)), 2), 8);
            span := span * growth;
            walk := walk * growth;
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
