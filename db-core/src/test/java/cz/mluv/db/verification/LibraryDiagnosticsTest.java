package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.verification.index.HealthDiagnostic;
import cz.mluv.db.verification.index.LibraryDiagnosticCheck;
import cz.mluv.db.verification.index.LibraryFinding;
import cz.mluv.migrations.testing.TestPostgres;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pg-index-health diagnostic Mluv carries, against one database with two schemas: {@code bad}
 * built so that every diagnostic finds something, {@code good} a small, commented, indexed schema
 * where none does (as pg-index-health tests its own checks: a positive and a negative fixture).
 */
class LibraryDiagnosticsTest {

    private static final String LONG_NAME = "long_" + "x".repeat(58);

    private static final String[] BAD = {
        "CREATE SCHEMA bad",
        "SET search_path = bad",
        "CREATE TABLE loose (note text, flag boolean, price money, payload json, code char(3), label varchar(20), "
                + "at timestamp, tags int[], \"Camel\" int)",
        "CREATE INDEX idx_loose_flag ON loose (flag)",
        "CREATE INDEX idx_loose_tags ON loose (tags)",
        "CREATE INDEX idx_loose_at_note ON loose (at, note)",
        "CREATE TABLE one_col (id serial PRIMARY KEY)",
        "CREATE TABLE codes (code varchar(10) PRIMARY KEY, name text)",
        "CREATE TABLE tokens (token varchar(36) PRIMARY KEY, issued timestamptz NOT NULL)",
        "CREATE TABLE parent (id bigint PRIMARY KEY, b bigint NOT NULL, UNIQUE (id, b))",
        "CREATE TABLE child (created timestamptz NOT NULL, id bigint PRIMARY KEY, parent_id int NOT NULL, b bigint NOT NULL, "
                + "counter serial, CONSTRAINT fk_one FOREIGN KEY (parent_id) REFERENCES parent (id), "
                + "CONSTRAINT fk_two FOREIGN KEY (parent_id) REFERENCES parent (id), "
                + "CONSTRAINT fk_three FOREIGN KEY (parent_id, b) REFERENCES parent (id, b))",
        "CREATE INDEX idx_child_parent ON child (parent_id)",
        "CREATE INDEX idx_child_parent_b ON child (parent_id, b)",
        "CREATE INDEX idx_child_b_partial ON child (b) WHERE b IS NOT NULL",
        "ALTER TABLE child ADD CONSTRAINT child_b_positive CHECK (b > 0) NOT VALID",
        "CREATE TABLE inherits_parent (id bigint PRIMARY KEY)",
        "CREATE TABLE inherits_child () INHERITS (inherits_parent)",
        "CREATE SEQUENCE small_seq AS smallint",
        "SELECT setval('small_seq', 32000)",
        "CREATE TABLE " + LONG_NAME + " (id bigint PRIMARY KEY)",
        "CREATE FUNCTION \"BadName\"() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "CREATE TABLE bloated (id bigint PRIMARY KEY, pad text NOT NULL) WITH (autovacuum_enabled = false)",
        "INSERT INTO bloated SELECT n, repeat('x', 200) FROM generate_series(1, 20000) n",
        "DELETE FROM bloated WHERE id % 10 <> 0",
        "ANALYZE bloated",
        // More sequential than index scans on a table in use (over 100 scans).
        "DO $$ BEGIN FOR i IN 1..120 LOOP PERFORM count(*) FROM loose; END LOOP; END $$",
        "SELECT pg_stat_force_next_flush()",
        "SELECT 1",
    };

    private static final String[] GOOD = {
        "CREATE SCHEMA good",
        "SET search_path = good",
        "CREATE TABLE author (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, "
                + "created_at timestamptz NOT NULL)",
        "CREATE TABLE book (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author_id bigint NOT NULL "
                + "REFERENCES author (id), title text NOT NULL)",
        "CREATE INDEX idx_book_author ON book (author_id)",
        "COMMENT ON TABLE author IS 'People who write books'",
        "COMMENT ON COLUMN author.id IS 'Surrogate key'",
        "COMMENT ON COLUMN author.name IS 'Full name'",
        "COMMENT ON COLUMN author.created_at IS 'When the row was created'",
        "COMMENT ON TABLE book IS 'Books, each by one author'",
        "COMMENT ON COLUMN book.id IS 'Surrogate key'",
        "COMMENT ON COLUMN book.author_id IS 'The author'",
        "COMMENT ON COLUMN book.title IS 'Title as printed'",
    };

    private static TestPostgres.Database db;
    private static final Map<HealthDiagnostic, CheckResult> BAD_RESULTS = new EnumMap<>(HealthDiagnostic.class);
    private static final Map<HealthDiagnostic, CheckResult> GOOD_RESULTS = new EnumMap<>(HealthDiagnostic.class);

    @BeforeAll
    static void buildBothSchemasAndRunEveryDiagnosticOnEach() throws Exception {
        db = TestPostgres.newDatabase("library_diagnostics");
        Fixtures.exec(db, BAD);
        Fixtures.exec(db, GOOD);
        List<VerificationCheck> checks = Arrays.stream(HealthDiagnostic.values())
                .<VerificationCheck>map(LibraryDiagnosticCheck::new).toList();
        VerificationCatalogue library = new VerificationCatalogue(checks, Duration.ofSeconds(30));
        for (HealthDiagnostic d : HealthDiagnostic.values()) {
            try (Connection bad = connect("bad"); Connection good = connect("good")) {
                BAD_RESULTS.put(d, library.run(d.id(), bad));
                GOOD_RESULTS.put(d, library.run(d.id(), good));
            }
        }
    }

    private static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                db.user(), db.password());
    }

    @ParameterizedTest
    @EnumSource(HealthDiagnostic.class)
    void eachDiagnosticFindsItsCaseInTheBadSchemaAndWarnsOrFails(HealthDiagnostic d) {
        CheckResult r = BAD_RESULTS.get(d);
        assertEquals(d.whenFound(), r.status(), () -> d + ": " + r.summary());
        List<LibraryFinding> findings = r.details(LibraryFinding.class);
        assertFalse(findings.isEmpty(), d::toString);
        assertEquals(r.details().size(), findings.size(), "every detail is a typed finding");
        assertTrue(r.sql().equals(d.diagnostic().getSqlQuery()), "the SQL shown is the library's query");
    }

    @ParameterizedTest
    @EnumSource(HealthDiagnostic.class)
    void eachDiagnosticPassesOnTheGoodSchema(HealthDiagnostic d) {
        CheckResult r = GOOD_RESULTS.get(d);
        assertEquals(CheckStatus.PASS, r.status(), () -> d + ": " + r.summary() + " " + r.details());
        assertTrue(r.details().isEmpty(), d::toString);
    }

    @Test
    void everyDiagnosticOfTheLibraryIsACatalogueEntry() {
        List<CheckId> ids = VerificationCatalogue.standard().checks().stream().map(VerificationCheck::id).toList();
        for (Diagnostic d : Diagnostic.values()) {
            CheckId id = HealthDiagnostic.of(d).map(HealthDiagnostic::id).orElseGet(() -> HealthDiagnostic.covered().get(d));
            assertTrue(id != null && ids.contains(id), d + " has no catalogue entry");
        }
        assertEquals(Diagnostic.values().length, HealthDiagnostic.values().length + HealthDiagnostic.covered().size());
    }

    @Test
    void bookkeepingTablesAreLeftOutOfDesignRulesButNotOfIndexRules() throws Exception {
        Fixtures.exec(db, "CREATE TABLE bad.mv_refresh_log (note text)", "CREATE TABLE bad.mluv_backup_20260101_users (note text)");
        VerificationCatalogue library = new VerificationCatalogue(
                List.of(new LibraryDiagnosticCheck(HealthDiagnostic.TABLES_WITHOUT_PRIMARY_KEY),
                        new LibraryDiagnosticCheck(HealthDiagnostic.COLUMNS_WITH_JSON_TYPE)), Duration.ofSeconds(30));
        try (Connection bad = connect("bad")) {
            List<String> withoutKey = library.run(HealthDiagnostic.TABLES_WITHOUT_PRIMARY_KEY.id(), bad)
                    .details(LibraryFinding.class).stream().map(LibraryFinding::name).toList();
            assertTrue(withoutKey.contains("loose"), withoutKey::toString);
            assertFalse(withoutKey.stream().anyMatch(LibraryDiagnosticCheck::isBookkeeping), withoutKey::toString);
        } finally {
            Fixtures.exec(db, "DROP TABLE bad.mv_refresh_log", "DROP TABLE bad.mluv_backup_20260101_users");
        }
    }
}
