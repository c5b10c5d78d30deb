-- trips: integer to bigint rewrites the table and its indexes
ALTER TABLE orders ALTER COLUMN amount TYPE bigint;
