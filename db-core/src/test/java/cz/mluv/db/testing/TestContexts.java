package cz.mluv.db.testing;

import cz.mluv.db.bootstrap.DatabaseSettings;
import cz.mluv.migrations.testing.TestPostgres;
import java.util.HashMap;
import java.util.Map;

/** Micronaut properties that point the {@code default} datasource at a test database. */
public final class TestContexts {

    private TestContexts() {
    }

    /**
     * @param db the test database
     * @return datasource properties (small pool) with statement counting on
     */
    public static Map<String, Object> properties(TestPostgres.Database db) {
        DatabaseSettings settings = DatabaseSettings.from(name -> switch (name) {
            case "MLUV_DB_URL" -> db.jdbcUrl();
            case "MLUV_DB_USER" -> db.user();
            case "MLUV_DB_PASSWORD" -> db.password();
            case "MLUV_DB_POOL_MAX" -> "5";
            case "MLUV_DB_POOL_MIN_IDLE" -> "1";
            default -> null;
        });
        Map<String, Object> p = new HashMap<>(settings.datasourceProperties(db.jdbcUrl()));
        p.put("mluv.test.count-statements", "true");
        return p;
    }
}
