-- The tables every fixture alters: they exist before the fixture's migration runs.
CREATE TABLE accounts (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL
);
CREATE TABLE orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL,
    note       text,
    amount     integer
);
-- An index on a table this same migration creates needs no CONCURRENTLY: nobody writes to it yet.
CREATE INDEX idx_orders_account ON orders (account_id);
