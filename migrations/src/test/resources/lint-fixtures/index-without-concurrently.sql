-- trips: a plain index build on a table with writers
CREATE INDEX idx_orders_note ON orders (note);
