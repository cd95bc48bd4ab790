package io.welcomer.records.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An export's pace in virtual time: nanoseconds given, never read from a clock. */
class ExportPaceTest {

    private static final long MS = 1_000_000;

    @Test
    void batchesOfAHundredAtFiveThousandRowsASecondAreReadTwentyMillisecondsApart() {
        ExportPace pace = new ExportPace(5_000, 100);
        assertEquals(Duration.ZERO, pace.untilNext(1_000 * MS), "the first batch at once");
        assertEquals(ms(18), pace.untilNext(1_002 * MS), "the second 20 ms after the first began, though it took 2 ms");
        assertEquals(ms(20), pace.untilNext(1_020 * MS), "the third in the slot after the second's");
    }

    @Test
    void aBatchSlowerThanItsSlotIsFollowedAtOnce() {
        ExportPace pace = new ExportPace(5_000, 100);
        pace.untilNext(0);
        assertEquals(Duration.ZERO, pace.untilNext(35 * MS));
        assertEquals(ms(20), pace.untilNext(35 * MS));
    }

    @Test
    void aClientThatPausedEarnsNoBurstToCatchUp() {
        ExportPace pace = new ExportPace(5_000, 100);
        pace.untilNext(0);
        assertEquals(Duration.ZERO, pace.untilNext(60_000 * MS), "a minute later, the next batch at once");
        assertEquals(ms(20), pace.untilNext(60_000 * MS), "and the one after it a slot later, not at once");
    }

    @Test
    void aWaitUnderAMillisecondIsAWholeOneForTimersHaveNoFinerGrain() {
        ExportPace pace = new ExportPace(5_000, 100);
        pace.untilNext(0);
        assertEquals(ms(1), pace.untilNext(20 * MS - 300_000), "0.3 ms before the slot");
    }

    @Test
    void aMonotonicClockMayStartBelowZero() {
        ExportPace pace = new ExportPace(1_000, 100);
        assertEquals(Duration.ZERO, pace.untilNext(-5_000 * MS));
        assertEquals(ms(100), pace.untilNext(-5_000 * MS));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
