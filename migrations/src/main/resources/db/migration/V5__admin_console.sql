-- The admin console's own tables: its users (bcrypt hashes, role viewer or deployer), deployment
-- records (design "Deployment checklists") and the result of every checklist item of a record.
-- Every index here backs a primary key or a unique rule (the FK column deployment_id leads the
-- unique key of checklist_item_result, so the foreign key is covered).
-- Risk: low (three new, empty tables; nothing existing is touched). Expected duration: < 1 s on any size.
-- Rollback: db/rollback/R5__admin_console.sql drops the three tables (accounts and records are lost).

CREATE TABLE IF NOT EXISTS admin_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._-]{1,64}$'),
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('viewer', 'deployer')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS deployment_record (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_version         text        NOT NULL,
    to_version           text        NOT NULL,
    deployed_by          text        NOT NULL,
    started_at           timestamptz NOT NULL DEFAULT now(),
    baseline_performance text,
    post_performance     text,
    status               text CHECK (status IN ('SUCCESS', 'PARTIAL', 'ROLLBACK')),
    closed_by            text,
    closed_at            timestamptz,
    notes                text,
    CHECK ((status IS NULL) = (closed_at IS NULL))
);

CREATE TABLE IF NOT EXISTS checklist_item_result (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deployment_id bigint      NOT NULL REFERENCES deployment_record (id) ON DELETE CASCADE,
    item_key      text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('PASS', 'WARN', 'FAIL', 'SKIPPED', 'SIGNED')),
    summary       text        NOT NULL,
    details       text,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (deployment_id, item_key)
);
