package cz.mluv.admin.checklist;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.VerificationCatalogue;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the catalogue's {@code lock-waits} and {@code index-build-progress} checks for pages that
 * show them live; one background thread for the whole console, pages get results by server push.
 */
@Singleton
public class LiveActivity {

    private static final Logger LOG = LoggerFactory.getLogger(LiveActivity.class);

    private final VerificationCatalogue catalogue;
    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "admin-live-activity");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param catalogue  the checks
     * @param dataSource the database watched
     */
    public LiveActivity(VerificationCatalogue catalogue, DataSource dataSource) {
        this.catalogue = catalogue;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @param everyMs  polling interval, ms
     * @param listener gets (lock waits, index builds) after each poll, on the polling thread
     * @return cancel it when the page detaches
     */
    public ScheduledFuture<?> watch(long everyMs, BiConsumer<CheckResult, CheckResult> listener) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try (Connection c = dataSource.getConnection()) {
                listener.accept(catalogue.run(CheckId.LOCK_WAITS, c), catalogue.run(CheckId.INDEX_BUILD_PROGRESS, c));
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Live activity poll failed: {}", e.getMessage());
            }
        }, 0, everyMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
