package cz.mluv.admin.dashboard;

import cz.mluv.db.verification.VerificationCatalogue;
import cz.mluv.db.verification.VerificationReport;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The console's latest run of the whole verification catalogue, kept in memory so that the
 * dashboard shows it (with its age) instead of running every check and EXPLAIN on each page load;
 * a person re-runs it on demand, and a "Run all" on the verification page replaces it too.
 */
@Singleton
public class CatalogueRuns {

    private final VerificationCatalogue catalogue;
    private final DataSource dataSource;
    private final AtomicReference<VerificationReport> latest = new AtomicReference<>();

    /**
     * @param catalogue  the checks
     * @param dataSource the database they run on
     */
    public CatalogueRuns(VerificationCatalogue catalogue, DataSource dataSource) {
        this.catalogue = catalogue;
        this.dataSource = dataSource;
    }

    /** @return the latest run, or empty before the first */
    public Optional<VerificationReport> latest() {
        return Optional.ofNullable(latest.get());
    }

    /**
     * Runs every check now and keeps the report.
     *
     * @return the new report
     * @throws SQLException when no connection can be opened
     */
    public synchronized VerificationReport run() throws SQLException {
        VerificationReport report = catalogue.run(dataSource);
        latest.set(report);
        return report;
    }

    /**
     * @param report a run made elsewhere (the verification page's "Run all")
     */
    public void keep(VerificationReport report) {
        latest.set(report);
    }

    /**
     * @return the latest run, running the catalogue once when there is none yet
     * @throws SQLException when no connection can be opened
     */
    public VerificationReport latestOrRun() throws SQLException {
        VerificationReport report = latest.get();
        return report != null ? report : run();
    }
}
