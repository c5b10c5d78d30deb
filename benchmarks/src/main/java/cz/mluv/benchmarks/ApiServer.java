package cz.mluv.benchmarks;

import cz.mluv.api.Application;
import cz.mluv.benchmarks.database.BenchDatabase;
import cz.mluv.db.bootstrap.DatabaseBootstrap;
import cz.mluv.db.bootstrap.DatabaseSettings;
import cz.mluv.db.demodata.DemoDataSize;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * The Mluv HTTP API, started in this JVM exactly as {@code ./mluv run} starts it
 * ({@link Application#start}), on the benchmark database and a free port. Pool and JIT settings
 * come from the usual {@code MLUV_DB_*} variables (defaults: 30 connections, JIT off).
 */
final class ApiServer implements AutoCloseable {

    private final DatabaseBootstrap bootstrap;
    private final ApplicationContext context;
    private final String baseUrl;

    private ApiServer(DatabaseBootstrap bootstrap, ApplicationContext context, String baseUrl) {
        this.bootstrap = bootstrap;
        this.context = context;
        this.baseUrl = baseUrl;
    }

    /**
     * @param db the loaded, indexed database
     * @return the running API
     */
    static ApiServer start(BenchDatabase db) {
        return start(db, false);
    }

    /**
     * @param db     the loaded, indexed database
     * @param cached whether the API caches the answers of view-backed reads ({@code mluv.api.cache.enabled}):
     *               off, every request reads the database (the "after (API)" numbers); on, the
     *               "after (API, cached)" numbers
     * @return the running API
     */
    static ApiServer start(BenchDatabase db, boolean cached) {
        System.setProperty("mluv.api.cache.enabled", String.valueOf(cached));
        Map<String, String> fixed = Map.of("MLUV_DB_URL", db.url(), "MLUV_DB_USER", db.user(), "MLUV_DB_PASSWORD", db.password());
        DatabaseSettings settings = DatabaseSettings.from(
                name -> fixed.containsKey(name) ? fixed.get(name) : DatabaseSettings.ENVIRONMENT.apply(name));
        DatabaseBootstrap bootstrap = DatabaseBootstrap.start(settings, DemoDataSize.DEMO, false);
        // -1: a free port (a system property wins over application.yml's MLUV_API_PORT default).
        System.setProperty("micronaut.server.port", "-1");
        ApplicationContext context = Application.start(bootstrap);
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        return new ApiServer(bootstrap, context, "http://127.0.0.1:" + server.getPort());
    }

    /** @return e.g. {@code http://127.0.0.1:41234} */
    String baseUrl() {
        return baseUrl;
    }

    /** @return the pool size in use, connections */
    int poolMax() {
        return bootstrap.settings().poolMax();
    }

    @Override
    public void close() {
        context.close();
        bootstrap.close();
    }
}
