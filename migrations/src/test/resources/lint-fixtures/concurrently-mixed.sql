CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_amount ON orders (amount);
-- trips: a transactional statement in a script Flyway runs outside a transaction
COMMENT ON TABLE orders IS 'customer orders';
