package cz.mluv.db.history;

import java.time.Instant;

/**
 * One statement in one interval of the history: a point of its chart.
 *
 * @param snapshotId the snapshot that ends the interval
 * @param takenAt    when that snapshot was taken
 * @param interval   what the statement did in the interval
 */
public record StatementPoint(long snapshotId, Instant takenAt, StatementInterval interval) {
}
