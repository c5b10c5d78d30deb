package cz.mluv.db.refresh;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One row of {@code mv_refresh_log}: one refresh of a materialized view (read-only here; rows are
 * written by {@link ViewRefresher}).
 *
 * @param id         row id
 * @param viewName   the view refreshed
 * @param mode       {@code PLAIN} or {@code CONCURRENTLY}
 * @param startedAt  when the refresh started (database clock)
 * @param finishedAt when it ended; {@code null} while RUNNING
 * @param durationMs wall time of the REFRESH statement, ms; {@code null} while RUNNING
 * @param rowCount   rows in the view afterwards; {@code null} unless SUCCESS
 * @param outcome    {@code RUNNING}, {@code SUCCESS} or {@code FAILED}
 * @param error      the database's error message when FAILED
 * @param worker     who refreshed ({@code pid@host}, {@code demo-data}, {@code migration V3})
 */
@Serdeable
@MappedEntity("mv_refresh_log")
public record RefreshLogEntry(@Id @GeneratedValue long id, String viewName, String mode, Instant startedAt,
                              @Nullable Instant finishedAt, @Nullable Long durationMs, @Nullable Long rowCount,
                              String outcome, @Nullable String error, @Nullable String worker) {
}
