INSERT INTO stats_snapshot (source, statements_available, statements_reset_at, reset_detected, heap_blocks_hit,
                            heap_blocks_read, index_blocks_hit, index_blocks_read)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id, taken_at
