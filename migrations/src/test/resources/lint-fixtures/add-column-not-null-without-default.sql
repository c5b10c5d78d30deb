-- trips: the existing rows would hold NULL
ALTER TABLE orders ADD COLUMN currency text NOT NULL;
