package io.welcomer.simulation.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.welcomer.insights.LineInterval;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Line;
import io.welcomer.routing.OpeningHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a line's history per interval gives a staffing question: a rate over open hours, a weighted touch time. */
class HistoryArrivalsTest {

    private static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-24T00:00:00Z");
    /** Open 09:00-11:00 in Paris (08:00-10:00 UTC in November) every day. */
    private static final Line LINE = new Line("billing", "Billing", Set.of(Channel.CHAT, Channel.VOICE),
            Map.of("billing", 1), null, false, new OpeningHours(ZoneId.of("Europe/Paris"),
            List.of(new OpeningHours.Weekly(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(11, 0))),
            List.of()), null, List.of());

    private static LineInterval interval(int hour, long offered, long answered, Double touch) {
        return new LineInterval("billing", FROM.plusSeconds(hour * 3600L), offered, answered, offered - answered, 0,
                null, null, touch, null);
    }

    @Test
    void theRateIsTakenOverOpenHoursAndTheTouchTimeWeightedByContactsAnswered() {
        HistoryArrivals history = HistoryArrivals.of(LINE, FROM, TO,
                List.of(interval(8, 20, 10, 100.0), interval(9, 30, 30, 300.0), interval(21, 4, 0, null)));

        assertEquals(54, history.offered());
        assertEquals(2.0, history.openHours(), 1e-9);
        assertEquals(27.0, history.perHour(), 1e-9);
        assertEquals(250.0, history.touchTimeSeconds(), 1e-9);
        assertEquals("voice", history.channel(), "the first of the line's channels");
    }

    @Test
    void noArrivalsNoAnswerOrNoOpenTimeIsRefusedNamingTheHistory() {
        for (List<LineInterval> intervals : List.of(List.<LineInterval>of(), List.of(interval(8, 5, 0, null)))) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> HistoryArrivals.of(LINE, FROM, TO, intervals));
            assertEquals(422, refused.toResponse().getStatus());
        }
        assertThrows(ProblemException.class, () -> HistoryArrivals.of(LINE, FROM.plusSeconds(12 * 3600), TO,
                List.of(interval(21, 4, 4, 60.0))), "closed all that evening");
    }
}
