package cz.mluv.e2e;

import cz.mluv.admin.AdminApplication;
import cz.mluv.admin.AdminSettings;
import cz.mluv.api.Application;
import cz.mluv.db.bootstrap.DatabaseBootstrap;
import cz.mluv.db.bootstrap.DatabaseSettings;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole stack in this JVM, once: a fresh test database with demo data, the HTTP API and the
 * admin console, each on a free port. Tests change data (records, refreshes, messages), so the
 * database is their own, not db-core's shared read-only one.
 */
final class Stack {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-pass-e2e";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "viewer-pass-e2e";

    private static Stack stack;

    final TestPostgres.Database db;
    final ApplicationContext api;
    final AdminApplication admin;

    private Stack(TestPostgres.Database db, ApplicationContext api, AdminApplication admin) {
        this.db = db;
        this.api = api;
        this.admin = admin;
    }

    static synchronized Stack get() throws Exception {
        if (stack == null) {
            TestPostgres.Database db = TestPostgres.newDatabase("e2e");
            Migrations.migrate(db.dataSource());
            try {
                new DemoDataGenerator(db.dataSource(), s -> { }).load(new DemoDataSize(800, 30_000, 11));
            } catch (SQLException e) {
                throw new IllegalStateException("demo data did not load", e);
            }
            DatabaseSettings settings = DatabaseSettings.from(name -> switch (name) {
                case "MLUV_DB_URL" -> db.jdbcUrl();
                case "MLUV_DB_USER" -> db.user();
                case "MLUV_DB_PASSWORD" -> db.password();
                case "MLUV_DB_POOL_MAX" -> "5";
                case "MLUV_DB_POOL_MIN_IDLE" -> "1";
                default -> null;
            });
            DatabaseBootstrap bootstrap = DatabaseBootstrap.start(settings, DemoDataSize.from(n -> null), false);
            ApplicationContext api = Application.start(bootstrap, "--micronaut.server.port=-1");
            Map<String, Object> adminDatasource = new HashMap<>(TestContexts.properties(db));
            adminDatasource.remove("mluv.test.count-statements");
            AdminApplication admin = AdminApplication.start(adminDatasource,
                    new AdminSettings("127.0.0.1", 0, ADMIN, ADMIN_PASSWORD, Map.of(VIEWER, VIEWER_PASSWORD),
                            Duration.ofMinutes(30)));
            stack = new Stack(db, api, admin);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    admin.close();
                } catch (Exception ignored) {
                    // shutting down anyway
                }
                api.close();
            }));
        }
        return stack;
    }

    String adminUrl() {
        return "http://127.0.0.1:" + admin.port();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + api.getBean(EmbeddedServer.class).getPort();
    }
}
