package cz.mluv.db.checklist;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** Deployment records; one SQL statement per method. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeploymentRecordRepository extends CrudRepository<DeploymentRecord, Long> {

    /**
     * @param limit rows
     * @return the latest records, newest first
     */
    @Query("SELECT * FROM deployment_record ORDER BY started_at DESC, id DESC LIMIT :limit")
    List<DeploymentRecord> latest(int limit);

    /**
     * Closes an open record; a closed one is left as it is.
     *
     * @return 1 when the record was open and is now closed, else 0
     */
    @Query("""
            UPDATE deployment_record
            SET status = :status, closed_by = :closedBy, closed_at = :closedAt, notes = :notes,
                post_performance = :postPerformance
            WHERE id = :id AND status IS NULL""")
    int close(long id, String status, String closedBy, Instant closedAt, String notes, String postPerformance);
}
