package cz.mluv.db.replica;

import cz.mluv.db.bootstrap.DatabaseSettings;
import cz.mluv.db.bootstrap.ReplicaSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The read replicas the replication checks look at from their side, besides what the primary
 * itself reports ({@code pg_stat_replication}, {@code pg_replication_slots}), with the limits
 * they judge by.
 *
 * @param urls            JDBC URLs of the replicas ({@code MLUV_DB_REPLICA_URLS}; {@code ./mluv run
 *                        --replicas N} sets it for the console and the deploy tool); empty = judge
 *                        from the primary's side only
 * @param user            database user ({@code MLUV_DB_USER}); {@code null} = the URL's
 * @param password        database password ({@code MLUV_DB_PASSWORD})
 * @param maxLag          the replay lag limit ({@code MLUV_MAX_REPLICA_LAG}, default 5 s)
 * @param maxSlotWalBytes most WAL one replication slot may hold back, bytes ({@code MLUV_MAX_SLOT_WAL} MB)
 */
public record ReplicaEndpoints(List<String> urls, String user, String password, Duration maxLag, long maxSlotWalBytes) {

    /** Copies the URL list. */
    public ReplicaEndpoints {
        urls = List.copyOf(urls);
    }

    /** @return no replica URLs, default limits */
    public static ReplicaEndpoints none() {
        ReplicaSettings r = ReplicaSettings.none();
        return new ReplicaEndpoints(List.of(), null, null, r.maxReplicaLag(), r.maxSlotWalMb() * 1024 * 1024);
    }

    /**
     * @return the endpoints and limits of the environment (and JVM system properties)
     * @throws IllegalArgumentException when a setting is malformed
     */
    public static ReplicaEndpoints fromEnvironment() {
        DatabaseSettings db = DatabaseSettings.fromEnvironment();
        ReplicaSettings r = ReplicaSettings.from(DatabaseSettings.ENVIRONMENT);
        return new ReplicaEndpoints(r.replicaUrls(), db.user(), db.password(), r.maxReplicaLag(), r.maxSlotWalMb() * 1024 * 1024);
    }

    /**
     * @param url one of {@link #urls()}
     * @return a read-only connection to it (connect and login timeouts 2 s, socket timeout 30 s)
     * @throws SQLException when it cannot be reached
     */
    public Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "2");
        p.setProperty("loginTimeout", "2");
        p.setProperty("socketTimeout", "30");
        p.setProperty("readOnly", "true");
        p.setProperty("ApplicationName", "mluv-verify");
        return DriverManager.getConnection(url, p);
    }

    /**
     * @param url a JDBC URL
     * @return its {@code host:port/database} part, which names a replica in results (never credentials)
     */
    public static String name(String url) {
        return url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
    }
}
