package cz.mluv.db.replica;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns WAL positions into replay lag in time, without writing anything on the primary.
 *
 * <p>The monitor records the primary's WAL write position ({@code pg_current_wal_lsn()}) every
 * probe, with the time it first saw each new position. A standby that has replayed up to LSN
 * {@code r} is missing exactly the WAL past {@code r}; the oldest recorded position past {@code r}
 * was already on the primary at its recorded time, so the replica's data is at least
 * {@code now - that time} old. An idle primary writes no WAL: a standby that has replayed
 * everything has lag 0 however long ago the last transaction was (the trap of
 * {@code now() - pg_last_xact_replay_timestamp()}). Resolution: one probe interval.
 *
 * <p>Thread-safe. Keeps positions of the last {@link #HORIZON_NANOS} (10 minutes) and at least the
 * newest; a replica behind all of them is reported as lagging since the oldest kept position.
 */
final class ReplayLagClock {

    /**
     * WAL bytes past the replay position that do not count as lag: one WAL page ({@code XLOG_BLCKSZ},
     * 8192 bytes by default). An idle primary's write position can rest at the end of a page the
     * last record does not fill, a position a standby that received everything never replays to
     * (seen on PostgreSQL 18.6 here: primary write and standby receive 0/16ECE000, replay
     * 0/16ECD680, for 45 s until the next WAL record); without the tolerance that reads as growing lag.
     */
    static final long PAGE_TOLERANCE_BYTES = 8192;

    /** How long positions are kept, ns (10 minutes). */
    static final long HORIZON_NANOS = 600_000_000_000L;

    private record Sample(long lsn, long nanos) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * @param lsn   the primary's WAL write position
     * @param nanos {@link System#nanoTime()} when it was read
     */
    synchronized void primaryAt(long lsn, long nanos) {
        Sample last = samples.peekLast();
        if (last == null || lsn > last.lsn) {
            samples.addLast(new Sample(lsn, nanos));
        }
        while (samples.size() > 1 && nanos - samples.peekFirst().nanos > HORIZON_NANOS) {
            samples.removeFirst();
        }
    }

    /**
     * @param replayLsn the standby's {@code pg_last_wal_replay_lsn()}
     * @param nanos     {@link System#nanoTime()} now
     * @return how long ago the primary already had WAL the standby has not replayed (more than
     *         {@link #PAGE_TOLERANCE_BYTES} past its replay position), ms; 0 when it has replayed
     *         everything the primary was seen to write (or nothing was seen yet)
     */
    synchronized long lagMs(long replayLsn, long nanos) {
        for (Sample s : samples) {
            if (s.lsn > replayLsn + PAGE_TOLERANCE_BYTES) {
                return Math.max(0, (nanos - s.nanos) / 1_000_000);
            }
        }
        return 0;
    }

    /** @return the newest primary position seen; -1 before the first */
    synchronized long primaryLsn() {
        Sample last = samples.peekLast();
        return last == null ? -1 : last.lsn;
    }

    /**
     * @param lsn a WAL position written {@code X/Y} (hex), as PostgreSQL prints a {@code pg_lsn}
     * @return it as a number
     * @throws IllegalArgumentException when malformed
     */
    static long parseLsn(String lsn) {
        int slash = lsn.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not a pg_lsn: " + lsn);
        }
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }
}
