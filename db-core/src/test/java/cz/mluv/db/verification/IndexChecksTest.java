package cz.mluv.db.verification;

import java.util.List;
import cz.mluv.db.verification.index.UnusedIndexesCheck;
import cz.mluv.db.verification.index.DuplicateIndexesCheck;
import cz.mluv.db.verification.index.ForeignKeysWithoutIndexCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index checks, each against a database built for its case and one without it. */
class IndexChecksTest {

    @Test
    void aForeignKeyWithoutAnIndexFailsAndTheMigratedSchemaHasNone() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("fk_without_index");
        CheckResult clean = Fixtures.run(db, "fk-without-index");
        assertEquals(CheckStatus.PASS, clean.status(), clean.summary());

        Fixtures.exec(db, "CREATE TABLE lessons (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id))");
        CheckResult r = Fixtures.run(db, "fk-without-index");
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals(new ForeignKeysWithoutIndexCheck.UnindexedForeignKey("lessons", "lessons_user_id_fkey", List.of("user_id")), r.details().getFirst());
        assertTrue(r.sql().contains("c.contype = 'f'"), "the SQL shown is pg-index-health's query");

        Fixtures.exec(db, "CREATE INDEX idx_lessons_user ON lessons (user_id)");
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "fk-without-index").status());
    }

    @Test
    void twoIdenticalIndexesWarnAndDistinctOnesPass() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("duplicate_index");
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "duplicate-indexes").status());

        Fixtures.exec(db, "CREATE INDEX idx_messages_role ON messages (role)", "CREATE INDEX idx_messages_role_again ON messages (role)");
        CheckResult r = Fixtures.run(db, "duplicate-indexes");
        assertEquals(CheckStatus.WARN, r.status());
        assertEquals("messages", r.details(DuplicateIndexesCheck.DuplicateGroup.class).getFirst().table());
        assertTrue(r.summary().contains("idx_messages_role") && r.summary().contains("idx_messages_role_again"), r.summary());
    }

    @Test
    void anIndexNoQueryScannedWarnsWhileConstraintIndexesDoNot() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("unused_index");
        Fixtures.exec(db, "CREATE TABLE words (id bigint PRIMARY KEY, word text UNIQUE, lesson int)");
        CheckResult clean = Fixtures.run(db, "unused-indexes");
        assertEquals(CheckStatus.PASS, clean.status(), "primary key and unique indexes are never 'unused': " + clean.summary());

        Fixtures.exec(db, "CREATE INDEX idx_words_lesson ON words (lesson)");
        CheckResult r = Fixtures.run(db, "unused-indexes");
        assertEquals(CheckStatus.WARN, r.status());
        assertEquals("idx_words_lesson", r.details(UnusedIndexesCheck.UnusedIndex.class).getFirst().indexName());
        assertEquals(3, Fixtures.run(db, "index-usage").details().size(), "index-usage lists every index");
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "index-usage").status());
    }

    @Test
    void anIndexOfMoreThanAFifthOfItsTableWarnsAsSeed002Says() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("index_ratio");
        Fixtures.exec(db, "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL, tag text NOT NULL)",
                "INSERT INTO notes SELECT n, repeat(md5(n::text), 8), md5(n::text) FROM generate_series(1, 20000) n");
        CheckResult lean = Fixtures.run(db, "index-size-ratio");
        assertEquals(CheckStatus.PASS, lean.status(), "the primary key is small next to 256-character bodies: " + lean.summary());

        Fixtures.exec(db, "CREATE INDEX idx_notes_tag_body ON notes (tag, left(body, 200))");
        CheckResult r = Fixtures.run(db, "index-size-ratio");
        assertEquals(CheckStatus.WARN, r.status(), r.summary());
        assertTrue(r.summary().contains("idx_notes_tag_body"), r.summary());
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "index-size-ratio",
                Fixtures.settings(Map.of("MLUV_VERIFICATION_INDEX_TABLE_MAX_PERCENT", "500"))).status());
    }
}
