package cz.mluv.db.history;

import java.time.Instant;

/**
 * One snapshot of the history, with the cache hit rates of the interval that ends with it.
 *
 * @param id                  stats_snapshot.id
 * @param takenAt             when it was taken
 * @param source              who took it
 * @param statementsAvailable whether pg_stat_statements could be read
 * @param resetDetected       whether pg_stat_statements was reset since the snapshot before (stats_reset
 *                            moved or a statement's calls went down): its intervals count from the reset
 * @param tableHitPercent     heap blocks found in shared buffers per heap block wanted since the snapshot
 *                            before, %; {@code null} for the first snapshot or an interval without reads
 * @param indexHitPercent     the same for index blocks, %
 */
public record StatsSnapshot(long id, Instant takenAt, SnapshotSource source, boolean statementsAvailable,
                            boolean resetDetected, Double tableHitPercent, Double indexHitPercent) {
}
