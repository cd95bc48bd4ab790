package io.welcomer.simulation.rest;

import io.welcomer.lines.rest.LineBody;
import io.welcomer.lines.rest.LineRules;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.Line;
import io.welcomer.routing.Router;
import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.Scenario;
import io.welcomer.simulation.TouchTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario as JSON, for {@code POST /v1/simulations} and the {@code simulate} command.
 * {@code warmUpHours} defaults to 5% of {@code hours} (at least one hour, at most a day). It may
 * configure {@code lines} (by id, as {@code PUT /v1/lines/{id}} takes them, overflow included) for
 * its streams to name.
 */
public record ScenarioBody(
        Long seed,
        @NotNull @Positive @DecimalMax("100000") Double hours,
        @DecimalMin("0") @DecimalMax("1000") Double warmUpHours,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid AgentGroupBody> agents,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid StreamBody> arrivals,
        @Size(max = 20) Map<@NotNull @Pattern(regexp = Line.ID_PATTERN, message = LineBody.LINE_ID_MESSAGE) String,
                @NotNull @Valid LineBody> lines) {

    static final String CHANNEL = "voice|video|chat|email";
    static final String CHANNEL_MESSAGE = "must be one of voice, video, chat, email";

    public record AgentGroupBody(
            @NotNull @Min(0) @Max(10_000) Integer count,
            @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotNull @Min(1) @Max(5) Integer> skills,
            @Size(max = 4) Map<@NotNull @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) String,
                    @NotNull @Min(1) @Max(100) Integer> capacity) {

        Scenario.AgentGroup toGroup() {
            return new ProfileBody(skills, capacity).toGroup(count);
        }
    }

    /** What each agent of a group can do: skills (name to proficiency 1-5) and capacity per channel. */
    public record ProfileBody(
            @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotNull @Min(1) @Max(5) Integer> skills,
            @Size(max = 4) Map<@NotNull @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) String,
                    @NotNull @Min(1) @Max(100) Integer> capacity) {

        Scenario.AgentGroup toGroup(int count) {
            Map<Channel, Integer> slots = new HashMap<>();
            if (capacity != null) {
                capacity.forEach((channel, concurrent) -> slots.put(Channel.fromWireName(channel), concurrent));
            }
            return new Scenario.AgentGroup(count, skills == null ? Map.of() : skills, slots);
        }
    }

    public record StreamBody(
            @NotNull @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) String channel,
            @NotNull @Positive @DecimalMax("1000000") Double perHour,
            @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotNull @Min(1) @Max(5) Integer> skills,
            @Min(0) @Max(100) Integer priority,
            @NotNull @Positive @DecimalMax("86400") Double touchTimeSeconds,
            @Pattern(regexp = "exponential|lognormal|fixed", message = "must be one of exponential, lognormal, fixed")
            String touchTimeDistribution,
            @Positive @DecimalMax("10") Double touchTimeCv,
            @Positive @DecimalMax("86400") Double patienceSeconds,
            @DecimalMin("0") @DecimalMax("1") Double callbackShare,
            @Pattern(regexp = Line.ID_PATTERN, message = LineBody.LINE_ID_MESSAGE) String line) {

        Scenario.Stream toStream() {
            return new Scenario.Stream(Channel.fromWireName(channel), perHour, skills == null ? Map.of() : skills,
                    priority == null ? 0 : priority, touchTimeSeconds,
                    touchTimeDistribution == null ? TouchTime.EXPONENTIAL
                            : TouchTime.valueOf(touchTimeDistribution.toUpperCase(Locale.ROOT)),
                    touchTimeCv == null ? 1 : touchTimeCv, patienceSeconds, callbackShare == null ? 0 : callbackShare,
                    line);
        }
    }

    public Scenario toScenario() {
        return scenario(seed, hours, warmUpHours, agents.stream().map(AgentGroupBody::toGroup).toList(), arrivals,
                lines);
    }

    static Scenario scenario(Long seed, double hours, Double warmUpHours, List<Scenario.AgentGroup> agents,
                             List<StreamBody> arrivals, Map<String, LineBody> lines) {
        double warmUp = warmUpHours != null ? warmUpHours : Math.min(24, Math.max(1, hours * 0.05));
        List<Line> configured = new ArrayList<>();
        if (lines != null) {
            lines.forEach((id, body) -> configured.add(line(id, body)));
        }
        refuseWhatRoutingWould(configured, arrivals);
        return new Scenario(seed == null ? 1 : seed, hours, warmUp, agents,
                arrivals.stream().map(StreamBody::toStream).toList(), configured);
    }

    /**
     * The line as {@code PUT /v1/lines/{id}} would take it; a field wrong is named by its place in
     * the scenario ({@code lines.billing.overflow.0.after}).
     */
    private static Line line(String id, LineBody body) {
        try {
            return LineRules.read(id, body);
        } catch (ProblemException wrong) {
            throw wrong.within("lines." + id + ".");
        }
    }

    /**
     * The lines configured as the router would take them (an overflow step naming a line not in
     * the scenario, or steps leading back, are refused: 422 naming the line's overflow), and each
     * stream's line among them and taking its channel (422 naming the stream's line).
     */
    private static void refuseWhatRoutingWould(List<Line> lines, List<StreamBody> arrivals) {
        Router router = new Router(RoutingRules.defaults(), InstantSource.system());
        for (Line line : Line.targetsFirst(lines)) {
            if (router.handle(new Command.ConfigureLine(line)).stream().anyMatch(Decision.Refused.class::isInstance)) {
                throw ProblemException.unprocessable("lines." + line.id() + ".overflow",
                        "an overflow step names a line the scenario does not configure, or leads back to this line");
            }
        }
        for (int i = 0; i < arrivals.size(); i++) {
            String named = arrivals.get(i).line();
            Channel channel = Channel.fromWireName(arrivals.get(i).channel());
            if (named != null && router.line(named).filter(line -> line.line().channels().contains(channel)).isEmpty()) {
                throw ProblemException.unprocessable("arrivals." + i + ".line",
                        "the scenario configures no such line, or it does not take the stream's channel");
            }
        }
    }
}
