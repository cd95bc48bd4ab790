package io.welcomer.simulation.rest;

import io.welcomer.lines.rest.LineBody;
import io.welcomer.problems.Instants;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Line;
import io.welcomer.simulation.Scenario;
import io.welcomer.simulation.Staffing;
import io.welcomer.simulation.rest.ScenarioBody.AgentGroupBody;
import io.welcomer.simulation.rest.ScenarioBody.ProfileBody;
import io.welcomer.simulation.rest.ScenarioBody.StreamBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A staffing question: a scenario whose staffed agents all share one {@code agent} profile, and a
 * target, either a service level or a maximum abandon rate. The answer is how many such agents it
 * takes. The arrivals are given, or taken {@code fromHistory} of a line; {@code otherAgents} work
 * beside them in fixed numbers (a second pool that {@code lines} overflow into, say).
 */
public record StaffingBody(
        Long seed,
        @NotNull @Positive @DecimalMax("100000") Double hours,
        @DecimalMin("0") @DecimalMax("1000") Double warmUpHours,
        @NotNull @Valid ProfileBody agent,
        @Size(max = 19) List<@NotNull @Valid AgentGroupBody> otherAgents,
        @Size(min = 1, max = 20) List<@NotNull @Valid StreamBody> arrivals,
        @Valid HistoryBody fromHistory,
        @Size(max = 20) Map<@NotNull @Pattern(regexp = Line.ID_PATTERN, message = LineBody.LINE_ID_MESSAGE) String,
                @NotNull @Valid LineBody> lines,
        @NotNull @Valid TargetBody target) {

    /**
     * Arrivals as {@code line} had them from {@code from} to {@code to} (exclusive): each an ISO-8601
     * date (midnight UTC) or instant, as {@code GET /v1/insights/lines} takes them.
     */
    public record HistoryBody(@NotNull @Pattern(regexp = Line.ID_PATTERN, message = LineBody.LINE_ID_MESSAGE) String line,
                              @NotNull @Size(max = 40) String from,
                              @NotNull @Size(max = 40) String to) {

        /** The longest history a staffing question may take its arrivals from. */
        static final Duration LONGEST = Duration.ofDays(366);

        /**
         * The range, checked: both instants, from before to, at most 366 days apart; a 400 naming
         * the field otherwise.
         */
        public Instant[] range() {
            Instant since = Instants.parse("fromHistory.from", from);
            Instant until = Instants.parse("fromHistory.to", to);
            if (!since.isBefore(until)) {
                throw ProblemException.invalidField("fromHistory.from", "must be before fromHistory.to");
            }
            if (Duration.between(since, until).compareTo(LONGEST) > 0) {
                throw ProblemException.invalidField("fromHistory.to", "must be at most 366 days after fromHistory.from");
            }
            return new Instant[] {since, until};
        }
    }

    public record TargetBody(@Valid ServiceLevelBody serviceLevel,
                             @Positive @DecimalMax("1") Double maxAbandonRate) {

        @AssertTrue(message = "must name exactly one of serviceLevel and maxAbandonRate")
        public boolean isOneTarget() {
            return (serviceLevel == null) != (maxAbandonRate == null);
        }

        public Staffing.Target toTarget() {
            return serviceLevel != null
                    ? new Staffing.Target.ServiceLevel(serviceLevel.seconds(), serviceLevel.target())
                    : new Staffing.Target.MaxAbandonRate(maxAbandonRate);
        }
    }

    /** At least {@code target} (between 0 and 1) of the contacts connected within {@code seconds}. */
    public record ServiceLevelBody(@NotNull @Positive @Max(86_400) Integer seconds,
                                   @NotNull @Positive @DecimalMax(value = "1", inclusive = false) Double target) {}

    /**
     * The arrivals given or from a history (exactly one of the two, else a 400 naming
     * {@code arrivals}); an unknown line is a 422 naming {@code fromHistory.line}.
     */
    public void checkArrivals() {
        if ((arrivals == null) == (fromHistory == null)) {
            throw ProblemException.invalidField("arrivals", "give arrivals or fromHistory, exactly one of the two");
        }
    }

    /**
     * The scenario with one agent of the profile, then the other agents (staffing varies the count),
     * and the given arrivals, or those of {@code history} when it is not null.
     */
    public Scenario toScenario(HistoryArrivals history) {
        List<StreamBody> streams = history == null ? arrivals
                : List.of(history.stream(lines != null && lines.containsKey(history.line())));
        return ScenarioBody.scenario(seed, hours, warmUpHours, agents(), streams, lines);
    }

    private List<Scenario.AgentGroup> agents() {
        List<Scenario.AgentGroup> groups = new ArrayList<>(List.of(agent.toGroup(1)));
        if (otherAgents != null) {
            otherAgents.forEach(group -> groups.add(group.toGroup()));
        }
        return groups;
    }
}
