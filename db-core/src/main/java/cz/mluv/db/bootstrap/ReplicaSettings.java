package cz.mluv.db.bootstrap;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.SettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Deploy-time settings of the read replicas (PostgreSQL hot standbys), beside
 * {@link DatabaseSettings} and read the same way (environment variable, or a JVM system property
 * of the same name, which wins).
 *
 * <ul>
 *   <li>{@code MLUV_REPLICAS}: how many hot standbys the embedded default runs beside its primary
 *       (0..9, default 0). Standby {@code i} keeps its data in {@code <MLUV_EMBEDDED_DATA_DIR>-replica<i>}
 *       and listens on {@code MLUV_EMBEDDED_PORT + i} (any free port when that is 0). Ignored with
 *       {@code MLUV_DB_URL}.</li>
 *   <li>{@code MLUV_DB_REPLICA_URLS}: comma-separated JDBC URLs of the replicas of an external
 *       primary (same user and password as {@code MLUV_DB_URL}); a pgjdbc multi-host URL
 *       ({@code jdbc:postgresql://r1:5432,r2:5432/mluv?targetServerType=preferSecondary&loadBalanceHosts=true})
 *       counts as one replica endpoint whose host choice pgjdbc makes.</li>
 *   <li>{@code MLUV_MAX_REPLICA_LAG}: the most replay lag a replica may have and still serve reads
 *       that tolerate lag ({@code 500ms}, {@code 5s}, {@code 1min}; default {@code 5s}); the
 *       catalogue's {@code replica-lag} check fails above it.</li>
 *   <li>{@code MLUV_DB_REPLICA_POOL_MAX}: HikariCP maximum size of each replica's pool, connections
 *       (default 30, as the primary's).</li>
 *   <li>{@code MLUV_MAX_SLOT_WAL}: most WAL a replication slot may hold back on the primary before
 *       the catalogue's {@code replication-slots} check fails, MB (default 1024).</li>
 * </ul>
 *
 * @param embeddedReplicas how many embedded standbys to run (0 = none)
 * @param replicaUrls      JDBC URLs of external replicas; empty when none
 * @param maxReplicaLag    the lag limit of reads routed to a replica
 * @param replicaPoolMax   maximum connections of each replica's pool
 * @param maxSlotWalMb     WAL a slot may retain before the check fails, MB
 */
public record ReplicaSettings(int embeddedReplicas, List<String> replicaUrls, Duration maxReplicaLag, int replicaPoolMax,
                              long maxSlotWalMb) {

    /** The lag limit when none is set ({@link MluvSettings#MAX_REPLICA_LAG}'s default). */
    public static final Duration DEFAULT_MAX_LAG = MluvSettings.MAX_REPLICA_LAG.defaultValue();

    /** @throws IllegalArgumentException when a value is out of range */
    public ReplicaSettings {
        replicaUrls = replicaUrls == null ? List.of() : List.copyOf(replicaUrls);
        if (embeddedReplicas < 0 || embeddedReplicas > 9) {
            throw new IllegalArgumentException("MLUV_REPLICAS must be between 0 and 9, was: " + embeddedReplicas);
        }
        if (maxReplicaLag.isNegative() || maxReplicaLag.isZero()) {
            throw new IllegalArgumentException("MLUV_MAX_REPLICA_LAG must be positive, was: " + maxReplicaLag);
        }
        for (String url : replicaUrls) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("MLUV_DB_REPLICA_URLS holds a URL that is not jdbc:postgresql: " + url);
            }
        }
    }

    /** @return no replicas, default limits */
    public static ReplicaSettings none() {
        return from(name -> null);
    }

    /**
     * @param lookup resolves a variable name to its value or {@code null} (e.g. {@link DatabaseSettings#ENVIRONMENT})
     * @return the settings
     * @throws IllegalArgumentException when a value is malformed or out of range
     */
    public static ReplicaSettings from(Function<String, String> lookup) {
        SettingsReader settings = new SettingsReader(lookup);
        return new ReplicaSettings(settings.get(MluvSettings.REPLICAS), settings.get(MluvSettings.DB_REPLICA_URLS),
                settings.get(MluvSettings.MAX_REPLICA_LAG), settings.get(MluvSettings.DB_REPLICA_POOL_MAX),
                settings.get(MluvSettings.MAX_SLOT_WAL));
    }

    /**
     * @param primaryDataDir the embedded primary's data directory
     * @param replica        1-based number of the standby
     * @return its data directory, {@code <primaryDataDir>-replica<replica>}
     */
    public static Path embeddedDataDir(Path primaryDataDir, int replica) {
        Path absolute = primaryDataDir.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + "-replica" + replica);
    }

    /**
     * @param replica 1-based number of the standby
     * @return its slot name and {@code application_name}, {@code mluv_replica_<replica>}
     */
    public static String embeddedName(int replica) {
        return "mluv_replica_" + replica;
    }

    /**
     * Micronaut properties of the API's read routing ({@code cz.mluv.api.routing}).
     *
     * @param urls the replicas' JDBC URLs (the embedded standbys' or {@link #replicaUrls()})
     * @return {@code mluv.replicas.urls} (comma-separated; empty = no routing),
     *         {@code mluv.replicas.max-lag-ms} and {@code mluv.replicas.pool-max}
     */
    public Map<String, Object> micronautProperties(List<String> urls) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mluv.replicas.urls", String.join(",", urls));
        p.put("mluv.replicas.max-lag-ms", maxReplicaLag.toMillis());
        p.put("mluv.replicas.pool-max", replicaPoolMax);
        return p;
    }

    /** @return the lag limit, ms */
    public long maxReplicaLagMs() {
        return maxReplicaLag.toMillis();
    }
}
