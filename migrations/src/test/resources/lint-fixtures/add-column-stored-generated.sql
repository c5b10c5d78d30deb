-- trips: computed for every existing row
ALTER TABLE orders ADD COLUMN note_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(note, ''))) STORED;
