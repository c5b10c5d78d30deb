-- trips: NOT VALID and never validated by a later migration
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
