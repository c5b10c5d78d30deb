-- Rolls back V10__search_messages_paths.sql: search_messages goes back to V9's definition (windows
-- of time ANDed with idx_messages_text_search; the same rows), and btree_gin is dropped. Roll back
-- V11 (idx_messages_search_time, which needs btree_gin) first. Runs in one transaction; no data lost.

CREATE OR REPLACE FUNCTION search_messages(p_query text, p_limit integer, p_before_id bigint DEFAULT NULL)
    RETURNS SETOF messages
    LANGUAGE plpgsql STABLE ROWS 20
AS $fn$
DECLARE
    query    tsquery := websearch_to_tsquery('czech', p_query);
    upper_at timestamptz;
    upper_id bigint := 9223372036854775807;
    oldest   timestamptz;
    lower_at timestamptz;
    span     interval;
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
    SELECT m.created_at INTO oldest FROM messages m ORDER BY m.created_at, m.id LIMIT 1;
    IF upper_at IS NULL THEN
        RETURN;
    END IF;
    -- A word in many messages: walk the newest 16 * limit messages older than the cursor and keep
    -- the matches (the inner LIMIT makes it a bounded walk of idx_messages_created; cheaper than a
    -- GIN bitmap of a word in every second message).
    SELECT array_agg(w.id ORDER BY w.created_at DESC, w.id DESC) INTO ids
    FROM (SELECT m.id, m.created_at, m.text FROM messages m
          WHERE (m.created_at, m.id) < (upper_at, upper_id)
          ORDER BY m.created_at DESC, m.id DESC LIMIT 16 * p_limit) w
    WHERE to_tsvector('czech', w.text) @@ query;
    IF cardinality(ids) >= p_limit THEN
        RETURN QUERY SELECT m.* FROM messages m WHERE m.id = ANY (ids[1:p_limit]);
        RETURN;
    END IF;
    -- First window: the 256 * limit messages just older than the cursor (an index-only scan of
    -- that many entries), so a word in at least 1/256 of the messages is done in one step.
    SELECT upper_at - m.created_at INTO span FROM messages m
    WHERE (m.created_at, m.id) < (upper_at, upper_id)
    ORDER BY m.created_at DESC, m.id DESC OFFSET 256 * p_limit - 1 LIMIT 1;
    -- Many messages of one instant make a zero span, which would never grow.
    span := greatest(span, interval '1 second');
    LOOP
        -- The last window is open at the bottom: everything older than the cursor.
        lower_at := CASE WHEN span IS NULL OR upper_at - span <= oldest THEN '-infinity' ELSE upper_at - span END;
        -- EXECUTE plans each window with its actual bounds and query (a custom plan: the GIN
        -- bitmap AND the created_at range). No ORDER BY ... LIMIT here: with one, the planner may
        -- walk idx_messages_created newest-first and filter, which for a rare word reads the window.
        EXECUTE 'SELECT array_agg(m.id ORDER BY m.created_at DESC, m.id DESC) FROM messages m
                 WHERE to_tsvector(''czech'', m.text) @@ $1 AND m.created_at >= $2 AND (m.created_at, m.id) < ($3, $4)'
            INTO ids USING query, lower_at, upper_at, upper_id;
        IF cardinality(ids) >= p_limit OR lower_at = '-infinity' THEN
            RETURN QUERY SELECT m.* FROM messages m WHERE m.id = ANY (ids[1:p_limit]);
            RETURN;
        END IF;
        span := span * 8;
    END LOOP;
END
$fn$;

DROP EXTENSION IF EXISTS btree_gin;
