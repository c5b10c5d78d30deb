package cz.mluv.db.replica;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the API's replica monitor last saw of one replica.
 *
 * @param name         the replica's {@code host:port}
 * @param state        UP (serves reads), LAGGING (replay lag above the limit), DOWN (unreachable or
 *                     failed under a read), NOT_STANDBY (answers but is not in recovery), STARTING
 *                     (not probed yet)
 * @param lagMs        replay lag, ms ({@link ReplayLagClock}); -1 when unknown
 * @param replayPaused {@code pg_is_wal_replay_paused()} at the last probe
 * @param readsServed  connections handed to reads since the API started
 * @param lastError    the last failure (SQLSTATE and message), {@code null} when none
 */
@Serdeable
public record ReplicaStatus(String name, String state, long lagMs, boolean replayPaused, long readsServed,
                            @Nullable String lastError) {
}
