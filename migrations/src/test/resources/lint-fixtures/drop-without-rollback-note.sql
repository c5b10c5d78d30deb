-- trips: the column's values are lost and the rollback note does not say so
ALTER TABLE orders DROP COLUMN note;
