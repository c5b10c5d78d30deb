-- Newest-first Czech full-text search whose cost is bounded by the page, not by the number of
-- matches (issue 10). search_messages(query, limit, before_id) returns the newest `limit`
-- messages matching websearch_to_tsquery('czech', query), ties by id, strictly older in
-- (created_at, id) than message before_id when it is given (keyset pages): exactly the rows of
-- the plain query (ORDER BY created_at DESC, id DESC LIMIT limit over all matches), found in
-- steps of growing windows of time, newest first:
--   1. the newest 16 * limit messages (a walk of idx_messages_created), filtered by the query:
--      enough for a word in about every 16th message (je, spravne);
--   2. the window holding the newest 256 * limit messages, then 8 times as long a window each
--      step: a GIN bitmap of idx_messages_text_search ANDed with the created_at range of
--      idx_messages_created (V8), so only matches inside the window are read from the heap;
--   3. once a window reaches the oldest message, the last step is open at the bottom.
-- A step that finds `limit` matches ends the search: its matches are the newest ones, since every
-- newer message is inside that window. Each window is planned with its bounds and query (EXECUTE
-- ... USING binds them), so the planner sees the real window and the word's statistics.
-- One SQL statement for the caller; the function runs 4 statements plus one per window.
-- Risk: low (creates a function; no table is locked or touched). Expected duration: < 1 s on any size.
-- Rollback: db/rollback/R9__search_messages.sql drops the function.

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
