package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.deploy.IndexRepair.Outcome;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvalidIndexRepairTest {

    private static final String INDEX = "idx_saved_words_user_word";
    private static final String BUILD = "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + INDEX + " ON saved_words (user_id, word_czech)";
    private static TestPostgres.Database db;

    @BeforeAll
    static void migratedDatabaseWithRows() {
        db = TestPostgres.newDatabase("invalid_index");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        DemoRows.insert(db, 50);
    }

    @BeforeEach
    void everyIndexValid() throws SQLException {
        Sql.exec(db, "DELETE FROM saved_words WHERE word_czech = 'pivo'");
        new InvalidIndexRepair(db.dataSource()).repairAll();
        assertEquals(List.of(), new InvalidIndexRepair(db.dataSource()).find());
    }

    @Test
    void findsNothingAndRepairsNothingWhenEveryIndexIsValid() throws SQLException {
        assertEquals(List.of(), new InvalidIndexRepair(db.dataSource()).find());
        assertEquals(List.of(), new InvalidIndexRepair(db.dataSource()).repairAll());
        assertTrue(Cli.run(db, "migrate").out().contains("INVALID indexes before migrate: none"));
    }

    @Test
    void anIndexLeftInvalidByAFailedConcurrentBuildIsRebuiltByTheNextMigrate() throws SQLException {
        leaveTheUniqueIndexInvalid();
        // V2's own statement "succeeds" and keeps the broken index: IF NOT EXISTS alone does not help.
        Sql.exec(db, BUILD);
        assertFalse(Sql.validIndex(db, INDEX));
        List<InvalidIndex> found = new InvalidIndexRepair(db.dataSource()).find();
        assertEquals(List.of("public." + INDEX), found.stream().map(InvalidIndex::qualifiedName).toList());
        assertEquals("saved_words", found.getFirst().table());
        assertTrue(found.getFirst().definition().startsWith("CREATE UNIQUE INDEX " + INDEX), found.getFirst().definition());

        removeTheDuplicate();
        Cli.Result r = Cli.run(db, "migrate");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("INVALID indexes before migrate: rebuilt INVALID index public." + INDEX
                + " on saved_words (REINDEX INDEX CONCURRENTLY public." + INDEX), r::toString);
        assertTrue(r.out().contains("INVALID indexes after migrate: none"), r::toString);
        assertTrue(Sql.validIndex(db, INDEX));
        assertThrows(IllegalStateException.class, () -> Sql.exec(db,
                "INSERT INTO saved_words (user_id, word_czech, translation) SELECT min(id), 'pivo', 'beer' FROM users",
                "INSERT INTO saved_words (user_id, word_czech, translation) SELECT min(id), 'pivo', 'beer' FROM users"));
    }

    @Test
    void migrateExitsWithOneAndNamesTheIndexWhenItCannotBeRebuilt() {
        leaveTheUniqueIndexInvalid();

        Cli.Result r = Cli.run(db, "migrate");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().contains("could not rebuild INVALID index public." + INDEX), r::toString);
        assertTrue(r.out().contains("23505"), r::toString);
        assertEquals("mluv-deploy: 1 INVALID index(es) could not be rebuilt: public." + INDEX
                + " (see above; fix the cause, e.g. duplicate rows, and run migrate again)\n", r.err());
        assertFalse(Sql.validIndex(db, INDEX));
        // The failed REINDEX CONCURRENTLY's half-built copy was dropped, not left for writers to maintain.
        assertEquals(List.of(INDEX), Sql.strings(db, "SELECT relname FROM pg_class WHERE relname LIKE '" + INDEX + "%'"));
    }

    @Test
    void aLeftoverOfAFailedConcurrentReindexIsDroppedAndTheIndexRebuilt() throws SQLException {
        leaveTheUniqueIndexInvalid();
        assertThrows(IllegalStateException.class, () -> Sql.exec(db, "REINDEX INDEX CONCURRENTLY " + INDEX));
        assertEquals(List.of(INDEX, INDEX + "_ccnew"),
                Sql.strings(db, "SELECT relname FROM pg_class WHERE relname LIKE '" + INDEX + "%' ORDER BY 1"));
        removeTheDuplicate();

        List<IndexRepair> repairs = new InvalidIndexRepair(db.dataSource()).repairAll();

        assertEquals(List.of(Outcome.REBUILT, Outcome.DROPPED_LEFTOVER), repairs.stream().map(IndexRepair::outcome).toList());
        assertEquals(List.of(INDEX), Sql.strings(db, "SELECT relname FROM pg_class WHERE relname LIKE '" + INDEX + "%'"));
        assertTrue(Sql.validIndex(db, INDEX));
    }

    @Test
    void statusAndDryRunShowTheInvalidIndexAndTheRepairMigrateWouldRunWithoutRunningIt() {
        leaveTheUniqueIndexInvalid();
        removeTheDuplicate();

        Cli.Result status = Cli.run(db, "status");
        assertTrue(status.out().contains("INVALID indexes: 1 (migrate rebuilds them)\n  public." + INDEX + " on saved_words\n"),
                status::toString);
        Cli.Result dryRun = Cli.run(db, "dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun::toString);
        assertTrue(dryRun.out().contains("-- migrate first repairs the INVALID index public." + INDEX
                + ":\nREINDEX INDEX CONCURRENTLY public." + INDEX + ";\n"), dryRun::toString);
        assertTrue(dryRun.out().contains("-- Nothing pending."), dryRun::toString);
        assertFalse(Sql.validIndex(db, INDEX));
    }

    /** A duplicate row makes the concurrent build of the UNIQUE index fail, which leaves it INVALID. */
    private static void leaveTheUniqueIndexInvalid() {
        Sql.exec(db, "DROP INDEX CONCURRENTLY " + INDEX);
        Sql.exec(db, "INSERT INTO saved_words (user_id, word_czech, translation) SELECT min(id), 'pivo', 'beer' FROM users",
                "INSERT INTO saved_words (user_id, word_czech, translation) SELECT min(id), 'pivo', 'a beer' FROM users");
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> Sql.exec(db, BUILD));
        assertTrue(failed.getCause().getMessage().contains("could not create unique index"), failed.getCause().getMessage());
        assertFalse(Sql.validIndex(db, INDEX));
    }

    private static void removeTheDuplicate() {
        Sql.exec(db, "DELETE FROM saved_words WHERE word_czech = 'pivo' AND translation = 'a beer'");
    }
}
