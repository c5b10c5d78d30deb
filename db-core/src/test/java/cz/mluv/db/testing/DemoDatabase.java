package cz.mluv.db.testing;

import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.SQLException;

/**
 * One migrated database holding demo data, shared (read-only) by the test classes of a JVM.
 * Size: 3,000 users and 120,000 messages by default (enough that the planner prefers indexes),
 * or {@code -Dmluv.test.users} / {@code -Dmluv.test.messages}.
 */
public final class DemoDatabase {

    /** The size the shared database is loaded with. */
    public static final DemoDataSize SIZE = new DemoDataSize(Integer.getInteger("mluv.test.users", 3_000),
            Long.getLong("mluv.test.messages", 120_000), 7);

    private static volatile TestPostgres.Database database;

    private DemoDatabase() {
    }

    /** @return the shared database, created and loaded on first use */
    public static TestPostgres.Database get() {
        TestPostgres.Database db = database;
        if (db == null) {
            synchronized (DemoDatabase.class) {
                db = database;
                if (db == null) {
                    db = TestPostgres.newDatabase("demo");
                    Migrations.migrate(db.dataSource());
                    try {
                        new DemoDataGenerator(db.dataSource(), System.out::println).load(SIZE);
                    } catch (SQLException e) {
                        throw new IllegalStateException("demo data did not load", e);
                    }
                    database = db;
                }
            }
        }
        return db;
    }
}
