package cz.mluv.db.history;

import java.time.Instant;

/**
 * The size of one relation at one snapshot.
 *
 * @param snapshotId the snapshot
 * @param takenAt    when it was taken
 * @param relation   the table or materialized view
 * @param totalBytes its size with indexes and TOAST, bytes
 */
public record RelationSizePoint(long snapshotId, Instant takenAt, String relation, long totalBytes) {
}
