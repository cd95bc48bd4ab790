package io.welcomer.agents.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.welcomer.agents.AgentActions;
import io.welcomer.agents.AgentDirectory;
import io.welcomer.agents.ws.TokenLifetimes;
import io.welcomer.problems.ProblemException;
import io.welcomer.security.Caller;
import io.welcomer.security.Roles;
import io.welcomer.store.Agent;
import io.welcomer.store.SkillMaps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Admins create agents and issue their tokens; supervisors and admins see them live, set them
 * away and sign them out.
 */
@Path("/v1/agents")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Agents", description = "Agent profiles, their tokens and live presence (docs/api/agents.md)")
public class AgentResource {

    private static final String AGENT_ID = "[A-Za-z0-9._-]{1,64}";
    private static final String AGENT_ID_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";

    public record IssuedToken(String token) {}

    private final AgentDirectory directory;
    private final InstantSource clock;
    private final TokenLifetimes lifetimes;
    private final SecurityIdentity identity;
    private final AgentActions actions;

    AgentResource(AgentDirectory directory, InstantSource clock, TokenLifetimes lifetimes, SecurityIdentity identity,
                  AgentActions actions) {
        this.directory = directory;
        this.clock = clock;
        this.lifetimes = lifetimes;
        this.identity = identity;
        this.actions = actions;
    }

    /** 201 for a new agent, 200 for a replaced one. */
    @PUT
    @Path("/{agentId}")
    @Operation(summary = "Create or replace an agent's profile: skills, languages, capacity per channel")
    @APIResponse(responseCode = "201", description = "A new agent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentBody.class)))
    @APIResponse(responseCode = "200", description = "The profile replaced; it applies to the live agent at once")
    @APIResponse(responseCode = "400", description = "A bad agentId, or a field invalid or unknown, each named in errors")
    public Uni<RestResponse<AgentBody>> put(@RestPath @Pattern(regexp = AGENT_ID, message = AGENT_ID_MESSAGE) String agentId,
                                            @Valid @NotNull AgentProfileBody body) {
        Agent agent = new Agent(agentId, body.name(),
                SkillMaps.write(body.skills() == null ? Map.of() : body.skills()),
                SkillMaps.write(body.capacity() == null ? Map.of() : body.capacity()),
                body.languages() == null ? "" : String.join(",", body.languages()), clock.instant());
        return directory.save(agent, Caller.of(identity))
                .chain(created -> directory.find(agentId).map(card -> RestResponse.ResponseBuilder
                        .create(created ? Response.Status.CREATED : Response.Status.OK, AgentBody.of(card.orElseThrow()))
                        .build()));
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Every agent: profile, live presence, idle since, contacts held, follow-ups promised")
    @APIResponse(responseCode = "200", description = "The agents")
    public Uni<List<AgentBody>> list() {
        return directory.all().map(cards -> cards.stream().map(AgentBody::of).toList());
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "One agent: profile, live presence, idle since, contacts held, follow-ups promised")
    @APIResponse(responseCode = "200", description = "The agent")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<AgentBody> get(@RestPath String agentId) {
        return directory.find(agentId).map(card -> AgentBody.of(card.orElseThrow(() -> unknown(agentId))));
    }

    /** A new WebSocket token; shown once, stored only as a hash. */
    @POST
    @Path("/{agentId}/tokens")
    @Operation(summary = "Issue a token that opens the agent's WebSocket session for welcomer.token-ttl; shown once")
    @APIResponse(responseCode = "201", description = "The token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<RestResponse<IssuedToken>> issueToken(@RestPath String agentId) {
        return directory.issueToken(agentId, Caller.of(identity)).map(token -> RestResponse.status(Response.Status.CREATED,
                new IssuedToken(token.orElseThrow(() -> unknown(agentId)))));
    }

    /**
     * Revokes every token of the agent (a lost laptop, a leaked link): once the deletion is
     * stored, no token of it opens a session and its open session is closed with 1008.
     */
    @DELETE
    @Path("/{agentId}/tokens")
    @Operation(summary = "Revoke every token of the agent; its open session is closed with 1008")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<RestResponse<Void>> revokeTokens(@RestPath String agentId) {
        return directory.revokeTokens(agentId, Caller.of(identity)).map(revoked -> {
            if (!revoked) {
                throw unknown(agentId);
            }
            lifetimes.revoked(agentId);
            return RestResponse.<Void>noContent();
        });
    }

    /** Signs the agent out, closes its session and routes its contacts to others. */
    @DELETE
    @Path("/{agentId}")
    @Operation(summary = "Remove the agent: signed out, session closed, its offers back in line")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<RestResponse<Void>> delete(@RestPath String agentId) {
        return directory.remove(agentId, Caller.of(identity)).map(removed -> {
            if (!removed) {
                throw unknown(agentId);
            }
            return RestResponse.noContent();
        });
    }

    /** A supervisor sets the agent away, now or after its current contacts; its presence frame says by whom. */
    @POST
    @Path("/{agentId}/presence")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Set an agent away, now or after its current contacts, as if the agent had said so")
    @APIResponse(responseCode = "200", description = "The agent after the change")
    @APIResponse(responseCode = "400", description = "A bad field (presence other than AWAY, a reason not configured)")
    @APIResponse(responseCode = "404", description = "No such agent")
    @APIResponse(responseCode = "409", description = "The agent is OFFLINE")
    public Uni<AgentBody> setPresence(@RestPath String agentId, @Valid @NotNull PresenceRequest body) {
        return actions.sendAway(agentId, body.reason(), Boolean.TRUE.equals(body.afterCurrent()), Caller.of(identity))
                .map(AgentBody::of);
    }

    /** A supervisor signs the agent out: the session closes (1000), offers go back to the line; the profile stays. */
    @POST
    @Path("/{agentId}/sign-out")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Sign an agent out: its session is closed, its offers go back to the line, its profile stays")
    @APIResponse(responseCode = "200", description = "The agent, now OFFLINE")
    @APIResponse(responseCode = "404", description = "No such agent")
    @APIResponse(responseCode = "409", description = "The agent is OFFLINE already")
    public Uni<AgentBody> signOut(@RestPath String agentId) {
        return actions.signOut(agentId, Caller.of(identity)).map(AgentBody::of);
    }

    private static ProblemException unknown(String agentId) {
        return ProblemException.notFound("no agent " + agentId);
    }
}
