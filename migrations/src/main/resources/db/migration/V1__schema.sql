-- Mluv domain schema: users and what they write, earn and save.
-- Risk: low (new tables only). Expected duration: < 1 s on any size (creates empty tables).
-- Rollback: db/rollback/R1__schema.sql drops every table of this migration (data is lost).

-- unaccent is a trusted extension since PostgreSQL 13: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Stock PostgreSQL ships no Czech stemmer, so the seeds' to_tsvector('czech', ...) fails as written.
-- This configuration makes it work: words are lower-cased and stripped of diacritics
-- (unaccent, then simple), so "knedliky" matches "knedlíky".
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'czech'
                   AND cfgnamespace = 'public'::regnamespace) THEN
        CREATE TEXT SEARCH CONFIGURATION public.czech (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION public.czech
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
            WITH unaccent, simple;
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS users (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    telegram_id bigint      NOT NULL CONSTRAINT users_telegram_id_key UNIQUE,
    first_name  text        NOT NULL CHECK (length(first_name) BETWEEN 1 AND 200),
    username    text,
    level       text        NOT NULL DEFAULT 'A1' CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per user: the user id is the primary key, which also indexes the foreign key.
CREATE TABLE IF NOT EXISTS user_settings (
    user_id            bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    conversation_style text        NOT NULL DEFAULT 'friendly'
                                   CHECK (conversation_style IN ('friendly', 'formal', 'casual', 'teacher')),
    corrections_level  text        NOT NULL DEFAULT 'balanced'
                                   CHECK (corrections_level IN ('minimal', 'balanced', 'strict')),
    native_language    text        NOT NULL DEFAULT 'en',
    daily_goal         integer     NOT NULL DEFAULT 10 CHECK (daily_goal BETWEEN 1 AND 1000),
    notifications      boolean     NOT NULL DEFAULT true,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS messages (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role              text        NOT NULL CHECK (role IN ('user', 'assistant')),
    text              text        NOT NULL,
    correctness_score smallint    CHECK (correctness_score BETWEEN 0 AND 100),
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per user and date: enforced by the unique index idx_daily_stats_user_date (V2),
-- which also serves the per-user date-range reads (no second, duplicate index).
CREATE TABLE IF NOT EXISTS daily_stats (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    date            date         NOT NULL,
    messages_count  integer      NOT NULL DEFAULT 0 CHECK (messages_count >= 0),
    words_said      integer      NOT NULL DEFAULT 0 CHECK (words_said >= 0),
    correct_percent numeric(5,2) CHECK (correct_percent BETWEEN 0 AND 100),
    streak_days     integer      NOT NULL DEFAULT 0 CHECK (streak_days >= 0),
    stars_earned    integer      NOT NULL DEFAULT 0 CHECK (stars_earned >= 0)
);

CREATE TABLE IF NOT EXISTS saved_words (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    word_czech       text        NOT NULL CHECK (length(word_czech) BETWEEN 1 AND 200),
    translation      text        NOT NULL,
    context          text,
    times_reviewed   integer     NOT NULL DEFAULT 0 CHECK (times_reviewed >= 0),
    next_review_date date,       -- NULL = never reviewed: due first (see idx_saved_words_review)
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS user_stars (
    user_id    bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    total      integer     NOT NULL DEFAULT 0 CHECK (total >= 0),
    available  integer     NOT NULL DEFAULT 0 CHECK (available >= 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (available <= total)
);
