-- trips: every existing row gets its own random value: a rewrite
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
