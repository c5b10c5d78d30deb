INSERT INTO query_stats_history (snapshot_id, queryid, query, calls, total_exec_ms, sum_sq_exec_ms, max_exec_ms,
                                 result_rows, interval_calls, interval_exec_ms, interval_sum_sq_ms)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
