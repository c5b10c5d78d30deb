package cz.mluv.admin;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.SettingsReader;
import cz.mluv.admin.login.Accounts;
import cz.mluv.admin.web.ManifestClassPath;
import cz.mluv.admin.web.MicronautContextHolder;
import cz.mluv.db.bootstrap.DatabaseBootstrap;
import cz.mluv.db.bootstrap.DatabaseSettings;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console: prepares the database ({@link DatabaseBootstrap}: embedded PostgreSQL when
 * {@code MLUV_DB_URL} is unset), starts a Micronaut context with db-core's beans (no Micronaut
 * HTTP server), creates the configured accounts, then serves Vaadin on embedded Jetty 12.1 EE11
 * on {@code MLUV_ADMIN_PORT} (default 8090).
 */
public final class AdminApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApplication.class);
    /** Jetty scans every jar and classes folder for @WebServlet and Vaadin's @HandlesTypes initializers. */
    private static final String CONTAINER_JAR_PATTERN = ".*\\.jar|.*/classes/.*";

    private final ApplicationContext context;
    private final Server server;
    private final int port;

    private AdminApplication(ApplicationContext context, Server server, int port) {
        this.context = context;
        this.server = server;
        this.port = port;
    }

    /**
     * Exits with 2 when the database or the settings are unusable.
     *
     * @param args unused
     * @throws Exception when Jetty cannot start
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("vaadin.productionMode") == null) {
            System.setProperty("vaadin.productionMode", "true");
        }
        ManifestClassPath.expand();
        Function<String, String> env = DatabaseSettings.ENVIRONMENT;
        DatabaseBootstrap db;
        AdminSettings settings;
        try {
            db = DatabaseBootstrap.start();
            settings = AdminSettings.from(env, db.embedded());
        } catch (RuntimeException e) {
            System.err.println("mluv-admin-ui: " + e.getMessage());
            System.exit(2);
            return;
        }
        AdminApplication app = start(db.micronautProperties(), settings);
        LOG.info("Mluv admin console on http://{}:{}/ (database {})", settings.host(), app.port(), db.jdbcUrl());
        app.server.join();
    }

    /**
     * Starts the console on a prepared database.
     *
     * @param datasourceProperties Micronaut properties of the {@code default} datasource
     *                             ({@link DatabaseBootstrap#micronautProperties()})
     * @param settings             port, accounts, session timeout
     * @return the running console; close it to stop
     * @throws Exception when Jetty cannot start
     */
    public static AdminApplication start(Map<String, Object> datasourceProperties, AdminSettings settings) throws Exception {
        Map<String, Object> props = new HashMap<>(datasourceProperties);
        // A console needs few connections: do not hold the API's 20 idle ones.
        if (!SettingsReader.process().isSet(MluvSettings.DB_POOL_MAX)) {
            props.put("datasources.default.maximum-pool-size", 8);
            props.put("datasources.default.minimum-idle", 1);
        }
        props.put("datasources.default.pool-name", "mluv-admin");
        props.put("datasources.default.data-source-properties.ApplicationName", "mluv-admin");
        ApplicationContext ctx = ApplicationContext.builder().properties(props).start();
        try {
            ctx.getBean(Accounts.class).ensure(settings);
            MicronautContextHolder.set(ctx);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            server.addConnector(connector);

            WebAppContext webapp = new WebAppContext();
            webapp.setContextPath("/");
            webapp.setBaseResource(ResourceFactory.of(webapp).newClassLoaderResource("webapp"));
            webapp.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, CONTAINER_JAR_PATTERN);
            webapp.setConfigurationDiscovered(true);
            webapp.setParentLoaderPriority(true);
            webapp.getSessionHandler().setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
            webapp.getSessionHandler().setHttpOnly(true);
            server.setHandler(webapp);
            server.setStopAtShutdown(true);
            server.start();
            return new AdminApplication(ctx, server, connector.getLocalPort());
        } catch (Exception | Error e) {
            ctx.close();
            throw e;
        }
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /** @return the Micronaut context (tests read beans from it) */
    public ApplicationContext context() {
        return context;
    }

    /** Stops Jetty, then the Micronaut context. */
    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            context.close();
        }
    }
}
