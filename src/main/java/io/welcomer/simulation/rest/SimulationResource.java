package io.welcomer.simulation.rest;

import io.smallrye.mutiny.Uni;
import io.welcomer.insights.persistence.LineHistoryStore;
import io.welcomer.lines.LineDirectory;
import io.welcomer.problems.Problem;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.RoutingRules;
import io.welcomer.security.Roles;
import io.welcomer.simulation.OverloadedException;
import io.welcomer.simulation.Scenario;
import io.welcomer.simulation.SimulationResult;
import io.welcomer.simulation.Simulator;
import io.welcomer.simulation.Staffing;
import io.welcomer.simulation.TargetOutOfReachException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Planners' questions, answered by the real routing core in virtual time under the configured
 * rules, never touching the live router. The work is estimated before it starts (contacts to
 * simulate), so a question too large to answer in about 30 seconds is refused up front.
 */
@Path("/v1/simulations")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Simulations", description = "The routing core in virtual time (docs/api/simulations.md)")
public class SimulationResource {

    /** About 30 s of simulation on a small, busy machine (2-3 us per contact measured). */
    static final long MAX_CONTACTS = 3_000_000;
    /** A staffing search runs several simulations, usually 2 to 4. */
    static final long MAX_CONTACTS_PER_STAFFING_RUN = 750_000;
    static final int MAX_AGENTS = 10_000;

    private final SimulationPool pool;
    private final RoutingRules rules;
    private final LineDirectory lines;
    private final LineHistoryStore lineHistory;

    SimulationResource(SimulationPool pool, RoutingRules rules, LineDirectory lines, LineHistoryStore lineHistory) {
        this.pool = pool;
        this.rules = rules;
        this.lines = lines;
        this.lineHistory = lineHistory;
    }

    @POST
    @Operation(summary = "Run a scenario through the real routing core in virtual time: waits, service level,"
            + " abandonment, occupancy, and Erlang's figures where a closed form applies")
    @APIResponse(responseCode = "200", description = "The figures of the measured hours")
    @APIResponse(responseCode = "400", description = "A field invalid or unknown, more than 3,000,000 contacts to"
            + " simulate (about 30 s of work), more than 10,000 agents, or arrivals nobody could serve")
    @APIResponse(responseCode = "422", description = "The centre is overloaded: arrivals beyond what the agents can serve")
    @APIResponse(responseCode = "503", description = "Simulations already take every worker; retry after Retry-After")
    public Uni<SimulationResult> simulate(@Valid @NotNull ScenarioBody body) {
        Scenario scenario = body.toScenario();
        check(scenario, MAX_CONTACTS);
        int agents = scenario.agents().stream().mapToInt(Scenario.AgentGroup::count).sum();
        if (agents > MAX_AGENTS) {
            throw new ProblemException(Response.Status.BAD_REQUEST,
                    "at most " + MAX_AGENTS + " agents in all; the scenario has " + agents);
        }
        return pool.run(() -> Simulator.run(scenario, rules));
    }

    @POST
    @Path("/staffing")
    @Operation(summary = "The smallest number of agents of one profile that meets a service level or abandon-rate"
            + " target, with the figures at that count and one fewer; the arrivals given, or taken from a line's"
            + " history (fromHistory: its arrival rate over its open hours and its mean touch time)")
    @APIResponse(responseCode = "200", description = "The count, Erlang's count where it applies, the figures, and"
            + " what the history gave where the arrivals came from one")
    @APIResponse(responseCode = "400", description = "A field invalid or unknown, both or neither of arrivals and"
            + " fromHistory, a history range not from before to or longer than 366 days, or more than 750,000"
            + " contacts per simulation run, or arrivals nobody could serve")
    @APIResponse(responseCode = "422", description = "No count up to 10,000 meets the target, the centre is overloaded,"
            + " or fromHistory names an unknown line or a range with no history to plan from")
    @APIResponse(responseCode = "503", description = "Simulations already take every worker, or this server is not"
            + " routing (fromHistory); retry after Retry-After")
    public Uni<StaffingAnswer> staffing(@Valid @NotNull StaffingBody body) {
        body.checkArrivals();
        if (body.fromHistory() == null) {
            return staffing(body, null);
        }
        StaffingBody.HistoryBody asked = body.fromHistory();
        Instant[] range = asked.range();
        return lines.find(asked.line())
                .map(found -> found.orElseThrow(() -> ProblemException.unprocessable("fromHistory.line",
                        "is not a configured line")).line())
                .chain(line -> lineHistory.intervals(range[0], range[1], Duration.ofDays(1), line.id())
                        .map(intervals -> HistoryArrivals.of(line, range[0], range[1], intervals)))
                .chain(history -> staffing(body, history));
    }

    private Uni<StaffingAnswer> staffing(StaffingBody body, HistoryArrivals history) {
        Scenario scenario = body.toScenario(history);
        check(scenario, MAX_CONTACTS_PER_STAFFING_RUN);
        return pool.run(() -> new StaffingAnswer(Staffing.find(scenario, body.target().toTarget(), rules), history));
    }

    private static void check(Scenario scenario, long maxContacts) {
        long contacts = Math.round(scenario.expectedContacts());
        if (contacts > maxContacts) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "scenario too large to run within 30 s: about "
                    + contacts + " contacts to simulate (arrivals per hour x hours, warm-up included), at most "
                    + maxContacts + "; shorten hours or lower the rates");
        }
        scenario.unservable().ifPresent(reason -> {
            throw new ProblemException(Response.Status.BAD_REQUEST, reason);
        });
    }

    @ServerExceptionMapper
    public Response overloaded(OverloadedException e) {
        return unprocessable(e.getMessage());
    }

    @ServerExceptionMapper
    public Response outOfReach(TargetOutOfReachException e) {
        return unprocessable(e.getMessage());
    }

    @ServerExceptionMapper
    public Response busy(RejectedExecutionException e) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "the simulation pool is busy with other questions; try again shortly").toResponse())
                .header("Retry-After", 10).build();
    }

    private static Response unprocessable(String detail) {
        return new Problem("about:blank", "Unprocessable scenario", 422, detail, null).toResponse();
    }
}
