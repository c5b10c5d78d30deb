package cz.mluv.db.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Replay lag in time from WAL positions: the age of the oldest WAL the standby has not replayed. */
class ReplayLagClockTest {

    static final long MS = 1_000_000L;

    @Test
    void aStandbyThatReplayedEverythingHasNoLagHoweverLongThePrimaryWasIdle() {
        ReplayLagClock clock = new ReplayLagClock();
        clock.primaryAt(1_000, 0);
        clock.primaryAt(1_000, 60_000 * MS);
        assertEquals(0, clock.lagMs(1_000, 120_000 * MS));
    }

    @Test
    void lagIsTheAgeOfTheFirstPositionMoreThanAPagePastTheReplayedOne() {
        long page = ReplayLagClock.PAGE_TOLERANCE_BYTES;
        ReplayLagClock clock = new ReplayLagClock();
        clock.primaryAt(10 * page, 0);
        clock.primaryAt(20 * page, 250 * MS);
        clock.primaryAt(30 * page, 500 * MS);
        assertEquals(750, clock.lagMs(8 * page, 750 * MS), "missing WAL the primary had at time 0");
        assertEquals(500, clock.lagMs(10 * page, 750 * MS), "missing WAL first seen at 250 ms");
        assertEquals(250, clock.lagMs(25 * page, 750 * MS));
        assertEquals(0, clock.lagMs(29 * page, 750 * MS), "within a page of the newest position");
        assertEquals(0, clock.lagMs(30 * page, 750 * MS));
    }

    @Test
    void anIdlePrimaryRestingAtTheEndOfAPageIsNoLag() {
        // Seen on PostgreSQL 18.6: primary write position 0/16ECE000, standby replay 0/16ECD680 for 45 s.
        ReplayLagClock clock = new ReplayLagClock();
        clock.primaryAt(ReplayLagClock.parseLsn("0/16ECE000"), 0);
        assertEquals(0, clock.lagMs(ReplayLagClock.parseLsn("0/16ECD680"), 45_000 * MS));
        clock.primaryAt(ReplayLagClock.parseLsn("0/16ED2C40"), 46_000 * MS);
        assertEquals(1_000, clock.lagMs(ReplayLagClock.parseLsn("0/16ECD680"), 47_000 * MS), "more than a page behind");
    }

    @Test
    void positionsAreParsedAsPostgresPrintsThem() {
        assertEquals(0x1_0000_0000L + 0xA0, ReplayLagClock.parseLsn("1/A0"));
        assertEquals(0x5752BD0L, ReplayLagClock.parseLsn("0/5752BD0"));
        assertThrows(IllegalArgumentException.class, () -> ReplayLagClock.parseLsn("5752BD0"));
    }
}
