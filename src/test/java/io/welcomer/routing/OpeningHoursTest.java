package io.welcomer.routing;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welcomer.routing.OpeningHours.Dated;
import io.welcomer.routing.OpeningHours.Weekly;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opening hours read as a person reads them, in the zone's local time, daylight saving included. */
class OpeningHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<DayOfWeek> WEEKDAYS = Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    @Test
    void weekdayHoursFollowTheZonesOffsetInSummerAndWinter() {
        OpeningHours hours = london(List.of(window(WEEKDAYS, "08:00", "20:00")), List.of());

        // 2025-07-01 is a Tuesday in British Summer Time (UTC+1), 2025-12-02 one in GMT.
        assertFalse(hours.isOpen(at("2025-07-01T06:59:59Z")));
        assertTrue(hours.isOpen(at("2025-07-01T07:00:00Z")));
        assertEquals(Optional.of(at("2025-07-01T19:00:00Z")), hours.nextChange(at("2025-07-01T07:00:00Z")));
        assertTrue(hours.isOpen(at("2025-12-02T19:59:59Z")));
        assertFalse(hours.isOpen(at("2025-12-02T20:00:00Z")));
    }

    @Test
    void aWindowAcrossTheRepeatedHourLastsTwoHoursOnTheDayTheClocksGoBack() {
        // 2025-10-26: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00-02:00 happens twice.
        OpeningHours hours = london(List.of(window(Set.of(SUNDAY), "00:30", "01:30")), List.of());
        Instant opens = at("2025-10-25T23:30:00Z");
        Instant closes = at("2025-10-26T01:30:00Z");

        assertEquals(Optional.of(opens), hours.nextChange(at("2025-10-25T12:00:00Z")));
        // The first 01:30 (BST, 00:30 UTC) passes with the line still open: it closes at the second.
        assertTrue(hours.isOpen(at("2025-10-26T00:30:00Z")));
        assertEquals(Optional.of(closes), hours.nextChange(opens));
        assertFalse(hours.isOpen(closes));
        assertEquals(Duration.ofHours(2), hours.openBetween(at("2025-10-25T00:00:00Z"), at("2025-10-27T00:00:00Z")));
    }

    @Test
    void aWindowAcrossTheSkippedHourIsAnHourShorterOnTheDayTheClocksGoForward() {
        // 2025-03-30: at 01:00 GMT the clocks go forward to 02:00 BST; 01:00-02:00 never happens.
        OpeningHours hours = london(List.of(window(Set.of(SUNDAY), "00:30", "02:30")), List.of());

        assertEquals(Optional.of(at("2025-03-30T00:30:00Z")), hours.nextChange(at("2025-03-30T00:00:00Z")));
        assertEquals(Optional.of(at("2025-03-30T01:30:00Z")), hours.nextChange(at("2025-03-30T00:30:00Z")));
        assertEquals(Duration.ofHours(1), hours.openBetween(at("2025-03-29T00:00:00Z"), at("2025-03-31T00:00:00Z")));
        // A week later the same window lasts its two hours again.
        assertEquals(Duration.ofHours(2), hours.openBetween(at("2025-04-05T00:00:00Z"), at("2025-04-07T00:00:00Z")));
    }

    @Test
    void aHolidayClosesItsDayAndAnotherDateHasItsOwnHours() {
        OpeningHours hours = london(List.of(window(WEEKDAYS, "08:00", "20:00")),
                List.of(Dated.closed(LocalDate.parse("2025-12-25")),
                        new Dated(LocalDate.parse("2025-12-24"), LocalTime.parse("08:00"), LocalTime.parse("13:00"))));

        assertEquals(Optional.of(at("2025-12-24T13:00:00Z")), hours.nextChange(at("2025-12-24T09:00:00Z")));
        assertFalse(hours.isOpen(at("2025-12-24T15:00:00Z")));
        assertFalse(hours.isOpen(at("2025-12-25T10:00:00Z")));
        // Closed from Christmas Eve's 13:00 to Boxing Day's 08:00 (a Friday).
        assertEquals(Optional.of(at("2025-12-26T08:00:00Z")), hours.nextChange(at("2025-12-24T13:00:00Z")));
    }

    @Test
    void windowsThatMeetAtMidnightAreOneOpenStretch() {
        OpeningHours hours = london(List.of(window(Set.of(MONDAY), "20:00", "24:00"),
                window(Set.of(TUESDAY), "00:00", "06:00")), List.of());

        // Monday 2025-12-01 20:00 to Tuesday 06:00: no closing at midnight.
        assertEquals(Optional.of(at("2025-12-02T06:00:00Z")), hours.nextChange(at("2025-12-01T21:00:00Z")));
        assertTrue(hours.isOpen(at("2025-12-02T00:00:00Z")));
    }

    @Test
    void theNextChangeIsLookedForWithinTheHorizonOnly() {
        OpeningHours never = london(List.of(), List.of());
        OpeningHours always = london(List.of(window(Set.of(DayOfWeek.values()), "00:00", "24:00")), List.of());
        OpeningHours nextYear = london(List.of(), List.of(
                new Dated(LocalDate.parse("2027-06-01"), LocalTime.parse("08:00"), LocalTime.parse("09:00"))));

        assertEquals(Optional.empty(), never.nextChange(at("2025-12-01T12:00:00Z")));
        assertTrue(always.isOpen(at("2025-12-01T12:00:00Z")));
        assertEquals(Optional.empty(), always.nextChange(at("2025-12-01T12:00:00Z")));
        assertEquals(Optional.empty(), nextYear.nextChange(at("2025-12-01T12:00:00Z")));
        assertEquals(Optional.of(at("2027-06-01T07:00:00Z")), nextYear.nextChange(at("2027-01-01T00:00:00Z")));
    }

    @Test
    void openTimeBetweenTwoInstantsLeavesOutTheNights() {
        OpeningHours hours = london(List.of(window(WEEKDAYS, "08:00", "20:00")), List.of());

        // Tuesday 19:00 to Wednesday 09:00 (GMT): one hour before closing, one after opening.
        assertEquals(Duration.ofHours(2), hours.openBetween(at("2025-12-02T19:00:00Z"), at("2025-12-03T09:00:00Z")));
        assertEquals(Duration.ZERO, hours.openBetween(at("2025-12-02T21:00:00Z"), at("2025-12-03T07:00:00Z")));
    }

    @Test
    void hoursThatDoNotMakeSenseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> window(WEEKDAYS, "20:00", "08:00"));
        assertThrows(IllegalArgumentException.class, () -> window(WEEKDAYS, "08:00", "08:00"));
        assertThrows(IllegalArgumentException.class, () -> london(List.of(window(WEEKDAYS, "08:00", "12:30"),
                window(Set.of(FRIDAY), "12:00", "18:00")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> london(List.of(), List.of(
                Dated.closed(LocalDate.parse("2025-12-25")),
                new Dated(LocalDate.parse("2025-12-25"), LocalTime.parse("10:00"), LocalTime.parse("12:00")))));
        // Windows that only meet are fine: lunch closes one and opens the next.
        london(List.of(window(WEEKDAYS, "08:00", "12:00"), window(WEEKDAYS, "12:00", "18:00")), List.of());
    }

    private static OpeningHours london(List<Weekly> weekly, List<Dated> exceptions) {
        return new OpeningHours(LONDON, weekly, exceptions);
    }

    /** A weekly window; "24:00" closes at the end of the day. */
    static Weekly window(Set<DayOfWeek> days, String open, String close) {
        return new Weekly(days, LocalTime.parse(open), close.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(close));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
