package cz.mluv.db.verification;

import cz.mluv.db.plan.HotReads;
import cz.mluv.db.verification.activity.ConnectionsCheck;
import cz.mluv.db.verification.activity.IdleInTransactionCheck;
import cz.mluv.db.verification.activity.LongRunningQueriesCheck;
import cz.mluv.db.verification.cache.CacheHitRateCheck;
import cz.mluv.db.verification.index.HealthDiagnostic;
import cz.mluv.db.verification.index.LibraryDiagnosticCheck;
import cz.mluv.db.verification.maintenance.DeadRowsAndVacuumCheck;
import cz.mluv.db.verification.maintenance.TransactionIdWraparoundCheck;
import cz.mluv.db.verification.space.RelationSizesCheck;
import cz.mluv.db.verification.suggest.SuggestedIndexesCheck;
import cz.mluv.db.verification.activity.IndexBuildProgressCheck;
import cz.mluv.db.verification.activity.LockWaitsCheck;
import cz.mluv.db.verification.activity.SlowQueriesCheck;
import cz.mluv.db.verification.index.DuplicateIndexesCheck;
import cz.mluv.db.verification.index.ForeignKeysWithoutIndexCheck;
import cz.mluv.db.verification.index.IndexSizeRatioCheck;
import cz.mluv.db.verification.index.IndexUsageCheck;
import cz.mluv.db.verification.index.InvalidIndexesCheck;
import cz.mluv.db.verification.index.UnusedIndexesCheck;
import cz.mluv.db.verification.migration.ExpectedIndexesCheck;
import cz.mluv.db.verification.migration.MigrationsAppliedCheck;
import cz.mluv.db.verification.plan.PlanContractCheck;
import cz.mluv.db.verification.plan.StatisticsAgeCheck;
import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.replication.ReplicaIndexScans;
import cz.mluv.db.verification.replication.ReplicationChecks;
import cz.mluv.db.verification.view.ViewFreshnessCheck;
import cz.mluv.migrations.deploy.ExpectedIndexes;
import cz.mluv.migrations.deploy.MigrationScripts;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Mluv's post-deployment checklist (design: "Verification catalogue"): every check, and running
 * one or all of them against a database. Used by the deploy tool's {@code verify}, the API and the
 * admin UI.
 *
 * <p>Each check runs in a read-only transaction of its own with {@code statement_timeout} set, on
 * one connection, and the catalogue rolls it back afterwards: a failing check cannot disturb the
 * next, and nothing is ever changed. A check that cannot run is a FAIL (or SKIPPED when the role
 * lacks a privilege) in the report, never an exception.
 */
@Singleton
public final class VerificationCatalogue {

    private final List<VerificationCheck> checks;
    private final Duration statementTimeout;

    /**
     * The standard checks with these thresholds (the Micronaut bean: settings from
     * {@code mluv.verification.*}).
     *
     * @param settings thresholds
     */
    @Inject
    public VerificationCatalogue(VerificationSettings settings) {
        this(standardChecks(settings), settings.statementTimeout());
    }

    /**
     * @param checks           the checks, in report order
     * @param statementTimeout the longest one statement of a check may run
     * @throws IllegalArgumentException when two checks share an id
     */
    public VerificationCatalogue(List<VerificationCheck> checks, Duration statementTimeout) {
        Set<CheckId> ids = new HashSet<>();
        for (VerificationCheck check : checks) {
            if (!ids.add(check.id())) {
                throw new IllegalArgumentException("two checks have the id " + check.id());
            }
        }
        this.checks = List.copyOf(checks);
        this.statementTimeout = statementTimeout;
    }

    /** @return the standard catalogue with the default thresholds, without Micronaut */
    public static VerificationCatalogue standard() {
        return new VerificationCatalogue(VerificationSettings.defaults());
    }

    /**
     * @param settings thresholds
     * @return the standard catalogue, without Micronaut
     */
    public static VerificationCatalogue standard(VerificationSettings settings) {
        return new VerificationCatalogue(settings);
    }

    /**
     * Every check of the design's catalogue, in its order: migrations applied, expected indexes
     * (declared by the migration scripts on the classpath), invalid indexes, view freshness, one
     * plan contract per hot read, index usage, unused indexes, index/table sizes, slow queries,
     * connections, lock waits, index build progress, statistics age, FK columns without index,
     * duplicate indexes; then PgHero's checks (cache hit rate of tables and indexes, long-running
     * queries, idle-in-transaction sessions, transaction ID wraparound, dead rows and last
     * vacuum/analyze, relation sizes); then every other pg-index-health diagnostic
     * ({@link HealthDiagnostic}); then replica lag, replication slots,
     * standbys streaming and the view's age as replica readers see it. The replicas (for the
     * replication checks and the index scans they count) are those of {@code MLUV_DB_REPLICA_URLS}
     * ({@link ReplicaEndpoints#fromEnvironment()}).
     *
     * @param settings thresholds
     * @return new check instances
     */
    public static List<VerificationCheck> standardChecks(VerificationSettings settings) {
        MigrationScripts scripts = MigrationScripts.fromClasspath();
        List<VerificationCheck> all = new ArrayList<>();
        all.add(new MigrationsAppliedCheck(scripts));
        all.add(new ExpectedIndexesCheck(ExpectedIndexes.of(scripts)));
        all.add(new InvalidIndexesCheck());
        all.add(new ViewFreshnessCheck(settings.viewWarnAfter(), settings.viewFailAfter()));
        HotReads.all().forEach(read -> all.add(new PlanContractCheck(read, settings.largeTableRows())));
        ReplicaEndpoints replicas = ReplicaEndpoints.fromEnvironment();
        all.add(new IndexUsageCheck(new ReplicaIndexScans(replicas)));
        all.add(new UnusedIndexesCheck(new ReplicaIndexScans(replicas)));
        all.add(new IndexSizeRatioCheck(settings.indexTableMaxPercent(), settings.ratioMinTableBytes()));
        all.add(new SlowQueriesCheck(settings.slowQueryMs()));
        all.add(new ConnectionsCheck(settings.connectionsWarnPercent(), settings.poolApplication(), settings.poolMax()));
        all.add(new LockWaitsCheck());
        all.add(new IndexBuildProgressCheck());
        all.add(new StatisticsAgeCheck(settings.statisticsMaxAge()));
        all.add(new ForeignKeysWithoutIndexCheck());
        all.add(new DuplicateIndexesCheck());
        // PgHero's checks that pg-index-health lacks.
        all.add(new CacheHitRateCheck(CacheHitRateCheck.Kind.TABLES, settings.cacheHitMinPercent()));
        all.add(new CacheHitRateCheck(CacheHitRateCheck.Kind.INDEXES, settings.cacheHitMinPercent()));
        all.add(new LongRunningQueriesCheck(settings.longQueryAfter()));
        all.add(new IdleInTransactionCheck(settings.idleInTransactionAfter()));
        all.add(new TransactionIdWraparoundCheck(settings.xidWarnAge()));
        all.add(new DeadRowsAndVacuumCheck(settings.deadRowsPercent(), settings.deadRowsMin()));
        all.add(new RelationSizesCheck(settings.relationWarnBytes()));
        all.add(new SuggestedIndexesCheck(settings.largeTableRows()));
        all.addAll(ReplicationChecks.all(replicas, settings));
        // Every other diagnostic of pg-index-health, through the library.
        for (HealthDiagnostic d : HealthDiagnostic.values()) {
            all.add(new LibraryDiagnosticCheck(d));
        }
        return all;
    }

    /** @return every check, in report order */
    public List<VerificationCheck> checks() {
        return checks;
    }

    /**
     * @param id a check id
     * @return the check, or empty when the catalogue has none with that id
     */
    public Optional<VerificationCheck> check(CheckId id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Runs every check on one connection from the data source (a Micronaut data source is
     * unwrapped first: the checks manage their own transactions).
     *
     * @param dataSource the database to verify
     * @return the report
     * @throws SQLException when no connection can be opened or the connection breaks
     */
    public VerificationReport run(DataSource dataSource) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return run(c);
        }
    }

    /**
     * Runs every check on this connection, leaving its auto-commit mode as it was.
     *
     * @param connection an open connection, not inside a transaction of the caller's
     * @return the report
     * @throws SQLException when the connection breaks
     */
    public VerificationReport run(Connection connection) throws SQLException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        for (VerificationCheck check : checks) {
            results.add(runAlone(check, connection));
        }
        return new VerificationReport(connection.getCatalog(), connection.getMetaData().getDatabaseProductVersion(),
                started, (System.nanoTime() - t0) / 1_000_000, results);
    }

    /**
     * Runs one check.
     *
     * @param id         the check's id
     * @param dataSource the database to verify
     * @return its result
     * @throws IllegalArgumentException when no check has that id
     * @throws SQLException             when no connection can be opened
     */
    public CheckResult run(CheckId id, DataSource dataSource) throws SQLException {
        VerificationCheck check = require(id);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return runAlone(check, c);
        }
    }

    /**
     * Runs one check on this connection.
     *
     * @param id         the check's id
     * @param connection an open connection, not inside a transaction of the caller's
     * @return its result
     * @throws IllegalArgumentException when no check has that id
     * @throws SQLException             when the connection breaks
     */
    public CheckResult run(CheckId id, Connection connection) throws SQLException {
        return runAlone(require(id), connection);
    }

    private VerificationCheck require(CheckId id) {
        return check(id).orElseThrow(() -> new IllegalArgumentException("no verification check has the id " + id));
    }

    private CheckResult runAlone(VerificationCheck check, Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + Math.max(1, statementTimeout.toMillis()));
            }
            return check.run(c);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }
}
