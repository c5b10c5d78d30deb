package cz.mluv.api;

import cz.mluv.db.bootstrap.DatabaseBootstrap;
import cz.mluv.db.bootstrap.DatabaseSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the Mluv HTTP API: prepares the database (embedded PostgreSQL with demo data when
 * {@code MLUV_DB_URL} is not set, see {@link DatabaseBootstrap}), then the Micronaut server on
 * {@code MLUV_API_PORT} (default 8080). The API's pool waits at most {@code MLUV_API_DB_WAIT_MS}
 * (default 1500 ms) for a connection: with the database down a request is answered 503 at once
 * instead of queueing ({@link DatabaseSettings#apiConnectionWaitProperties()}).
 */
@OpenAPIDefinition(info = @Info(title = "Mluv API", version = "1",
        description = "Leaderboards and user data of the Mluv Czech-learning chat app"))
public final class Application {

    private Application() {
    }

    /**
     * @param args Micronaut command-line arguments
     */
    public static void main(String[] args) {
        DatabaseBootstrap db;
        try {
            db = DatabaseBootstrap.start();
        } catch (RuntimeException e) {
            System.err.println("mluv-api: " + e.getMessage());
            System.exit(2);
            return;
        }
        start(db, args);
    }

    /**
     * Starts the API on a prepared database.
     *
     * @param db   the prepared database
     * @param args Micronaut command-line arguments
     * @return the running context (closing it stops the server)
     */
    public static ApplicationContext start(DatabaseBootstrap db, String... args) {
        Map<String, Object> properties = new HashMap<>(db.micronautProperties());
        properties.putAll(db.settings().apiConnectionWaitProperties());
        return Micronaut.build(args).mainClass(Application.class).properties(properties).start();
    }
}
