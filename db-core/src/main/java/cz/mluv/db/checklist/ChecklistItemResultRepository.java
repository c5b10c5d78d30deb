package cz.mluv.db.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Results of checklist items; one SQL statement per method, by the unique (deployment_id, item_key) index. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChecklistItemResultRepository extends GenericRepository<ChecklistItemResult, Long> {

    /**
     * @param deploymentId the record
     * @return its results, in the order they were recorded
     */
    @Query("SELECT * FROM checklist_item_result WHERE deployment_id = :deploymentId ORDER BY recorded_at, id")
    List<ChecklistItemResult> byDeployment(long deploymentId);

    /**
     * Records an item's result, replacing an earlier one of the same item (an automatic item run
     * again, a manual item signed again).
     *
     * @return rows written (1)
     */
    @Query("""
            INSERT INTO checklist_item_result (deployment_id, item_key, outcome, summary, details, recorded_by, recorded_at)
            VALUES (:deploymentId, :itemKey, :outcome, :summary, :details, :recordedBy, :recordedAt)
            ON CONFLICT (deployment_id, item_key) DO UPDATE
            SET outcome = EXCLUDED.outcome, summary = EXCLUDED.summary, details = EXCLUDED.details,
                recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
    int record(long deploymentId, String itemKey, String outcome, String summary, @Nullable String details,
               String recordedBy, Instant recordedAt);
}
