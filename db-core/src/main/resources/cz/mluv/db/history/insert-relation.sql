INSERT INTO relation_size_history (snapshot_id, relation, kind, table_bytes, index_bytes, total_bytes)
VALUES (?, ?, ?, ?, ?, ?)
