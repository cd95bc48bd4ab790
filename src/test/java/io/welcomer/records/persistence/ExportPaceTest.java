package io.welcomer.records.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An export's pace in virtual time: nanoseconds given, never read from a clock. */
class ExportPaceTest {

    private static final long MS = 1_000_000;

    @Test
    void batchesOfAHundredAtFiveThousandRowsASecondAreReadTwentyMillisecondsApart() {
        ExportPace pace = new ExportPace(5_000, 100);
        assertEquals(0, pace.untilNext(1_000 * MS), "the first batch at once");
        assertEquals(18 * MS, pace.untilNext(1_002 * MS), "the second 20 ms after the first began, though it took 2 ms");
        assertEquals(20 * MS, pace.untilNext(1_020 * MS), "the third in the slot after the second's");
    }

    @Test
    void aBatchSlowerThanItsSlotIsFollowedAtOnce() {
        ExportPace pace = new ExportPace(5_000, 100);
        pace.untilNext(0);
        assertEquals(0, pace.untilNext(35 * MS));
        assertEquals(20 * MS, pace.untilNext(35 * MS));
    }

    @Test
    void aClientThatPausedEarnsNoBurstToCatchUp() {
        ExportPace pace = new ExportPace(5_000, 100);
        pace.untilNext(0);
        assertEquals(0, pace.untilNext(60_000 * MS), "a minute later, the next batch at once");
        assertEquals(20 * MS, pace.untilNext(60_000 * MS), "and the one after it a slot later, not at once");
    }

    @Test
    void aMonotonicClockMayStartBelowZero() {
        ExportPace pace = new ExportPace(1_000, 100);
        assertEquals(0, pace.untilNext(-5_000 * MS));
        assertEquals(100 * MS, pace.untilNext(-5_000 * MS));
    }
}
