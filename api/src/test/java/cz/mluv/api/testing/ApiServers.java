package cz.mluv.api.testing;

import cz.mluv.db.bootstrap.DatabaseSettings;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** Starts the API on a test database, configured as {@code Application.start} configures it. */
public final class ApiServers {

    /** The management credential the test servers accept. */
    public static final String MANAGEMENT = "ops:test-secret";

    private ApiServers() {
    }

    /**
     * @param db        the database
     * @param poolMax   the pool's maximum size
     * @param overrides further properties (win over the others)
     * @return the running server on a free port, with the API's fail-fast pool settings
     *         (default {@code MLUV_API_DB_WAIT_MS}) and the management credential {@link #MANAGEMENT}
     */
    public static EmbeddedServer start(TestPostgres.Database db, int poolMax, Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(TestContexts.properties(db));
        props.putAll(DatabaseSettings.from(name -> null).apiConnectionWaitProperties());
        props.put("datasources.default.maximum-pool-size", poolMax);
        props.put("micronaut.server.port", -1);
        props.put("mluv.management.user", MANAGEMENT.split(":")[0]);
        props.put("mluv.management.password", MANAGEMENT.split(":")[1]);
        props.putAll(overrides);
        return ApplicationContext.run(EmbeddedServer.class, props);
    }
}
