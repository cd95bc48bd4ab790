package io.welcomer.lines.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.routing.LineStatus;
import io.welcomer.switchboard.LineDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A line as admins and supervisors see it: its configuration, as it was put, and how it stands
 * now: open ({@code closesAt} its next closing) or closed ({@code opensAt} its next opening),
 * who waits in it, how many agents signed in (not OFFLINE) could serve it, and its service level
 * today: of the contacts that ended their wait today (answered or abandoned, today in its zone), the
 * share answered within its target (absent without a target, or before any ended today).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineView(String id, String name, List<String> channels, Map<String, Integer> skills, String language,
                       boolean languageRequired, LineDocuments.Hours hours, LineDocuments.ServiceLevel serviceLevel,
                       List<LineDocuments.Step> overflow, boolean open, Instant opensAt, Instant closesAt,
                       int waiting, long oldestWaitSeconds, int agentsSignedIn, Double serviceLevelToday) {

    static LineView of(LineStatus status, Instant now) {
        LineDocuments.Document line = LineDocuments.of(status.line());
        long oldestWait = status.oldestArrival() == null ? 0
                : Math.max(0, Duration.between(status.oldestArrival(), now).toSeconds());
        return new LineView(status.line().id(), line.name(), line.channels(), line.skills(), line.language(),
                line.languageRequired(), line.hours(), line.serviceLevel(), line.overflow(), status.open(),
                status.opensAt(), status.closesAt(), status.waiting(), oldestWait, status.agentsSignedIn(),
                status.serviceLevelToday());
    }
}
