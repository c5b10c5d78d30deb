-- trips: scans the whole table under ACCESS EXCLUSIVE
ALTER TABLE orders ALTER COLUMN amount SET NOT NULL;
