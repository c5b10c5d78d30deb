package cz.mluv.db.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One row of {@code deployment_record}: a deployment from one schema version to another.
 *
 * @param id                  row id, {@code null} before insert
 * @param fromVersion         schema version before the deployment, e.g. {@code 4}
 * @param toVersion           schema version it deploys, e.g. {@code 5}
 * @param deployedBy          the user who opened the record
 * @param startedAt           when it was opened
 * @param baselinePerformance what the statements did before it was opened, from the statistics history
 *                            (or hot-read timings measured once, {@link PerformanceSnapshot}, without
 *                            pg_stat_statements)
 * @param postPerformance     what they did between its opening and its closing, with each baseline mean
 * @param status              {@code SUCCESS}, {@code PARTIAL} or {@code ROLLBACK}; {@code null} while open
 * @param closedBy            who closed it
 * @param closedAt            when
 * @param notes               the closing notes
 */
@MappedEntity("deployment_record")
public record DeploymentRecord(@Id @GeneratedValue @Nullable Long id, String fromVersion, String toVersion,
                               String deployedBy, Instant startedAt, @Nullable String baselinePerformance,
                               @Nullable String postPerformance, @Nullable String status, @Nullable String closedBy,
                               @Nullable Instant closedAt, @Nullable String notes) {

    /** @return {@code true} once a status was set */
    public boolean closed() {
        return status != null;
    }
}
