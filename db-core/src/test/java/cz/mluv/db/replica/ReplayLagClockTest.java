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
    void lagIsTheAgeOfTheFirstPositionPastTheReplayedOne() {
        ReplayLagClock clock = new ReplayLagClock();
        clock.primaryAt(1_000, 0);
        clock.primaryAt(2_000, 250 * MS);
        clock.primaryAt(3_000, 500 * MS);
        assertEquals(750, clock.lagMs(999, 750 * MS), "missing WAL the primary had at time 0");
        assertEquals(500, clock.lagMs(1_000, 750 * MS), "missing WAL first seen at 250 ms");
        assertEquals(250, clock.lagMs(2_500, 750 * MS));
        assertEquals(0, clock.lagMs(3_000, 750 * MS));
    }

    @Test
    void positionsAreParsedAsPostgresPrintsThem() {
        assertEquals(0x1_0000_0000L + 0xA0, ReplayLagClock.parseLsn("1/A0"));
        assertEquals(0x5752BD0L, ReplayLagClock.parseLsn("0/5752BD0"));
        assertThrows(IllegalArgumentException.class, () -> ReplayLagClock.parseLsn("5752BD0"));
    }
}
