package io.welcomer.agents;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.welcomer.routing.AgentView;
import io.welcomer.routing.Command;
import io.welcomer.security.AgentTokens;
import io.welcomer.security.Caller;
import io.welcomer.security.Secrets;
import io.welcomer.store.Agent;
import io.welcomer.store.AgentToken;
import io.welcomer.store.AuditEntry;
import io.welcomer.switchboard.AgentProfiles;
import io.welcomer.switchboard.Board;
import io.welcomer.switchboard.DecisionListener;
import io.welcomer.switchboard.PendingFollowUp;
import io.welcomer.switchboard.Restoration;
import io.welcomer.switchboard.RoutingLoop;
import io.welcomer.switchboard.Write;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent profiles and their tokens: what admins create, list and delete, each change audited in
 * the commit that makes it. The profiles map is touched only on the routing context; tokens are
 * mirrored for the WebSocket upgrade.
 */
@ApplicationScoped
public class AgentDirectory implements DecisionListener {

    /** An agent's profile with its live routing state and the follow-ups it promised, not yet due. */
    public record AgentCard(Agent profile, AgentView live, List<PendingFollowUp> followUps) {}

    private final RoutingLoop loop;
    private final AgentTokens tokens;
    private final Map<String, Agent> agents = new HashMap<>();

    AgentDirectory(RoutingLoop loop, AgentTokens tokens) {
        this.loop = loop;
        this.tokens = tokens;
    }

    /** Creates or replaces an agent, audited as done {@code by} this caller; answers whether it was created. */
    public Uni<Boolean> save(Agent agent, Caller by) {
        return loop.onLoop(board -> {
            boolean created = !agents.containsKey(agent.id());
            Uni<?> stored = board.execute(new Command.RegisterAgent(AgentProfiles.of(agent)),
                    List.of(new Write.SaveAgent(agent), audit(by, created ? "agent.created" : "agent.replaced",
                            agent.id(), profileOf(agent))));
            agents.put(agent.id(), agent);
            return stored.map(ignored -> created);
        });
    }

    public Uni<List<AgentCard>> all() {
        return loop.onLoop(board -> !loop.leading() ? Uni.createFrom().failure(loop.standingBy())
                : Uni.createFrom().item(agents.values().stream()
                        .sorted(Comparator.comparing(Agent::id))
                        .map(agent -> card(board, agent))
                        .toList()));
    }

    public Uni<Optional<AgentCard>> find(String agentId) {
        return loop.onLoop(board -> !loop.leading() ? Uni.createFrom().failure(loop.standingBy())
                : Uni.createFrom().item(Optional.ofNullable(agents.get(agentId)).map(agent -> card(board, agent))));
    }

    /** Issues a new token for the agent, audited (without the token); empty if there is no such agent. */
    public Uni<Optional<String>> issueToken(String agentId, Caller by) {
        return loop.onLoop(board -> {
            if (!agents.containsKey(agentId)) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            String token = Secrets.newToken();
            AgentToken stored = new AgentToken(Secrets.sha256Hex(token), agentId, loop.clock().instant());
            return board.commit(List.of(new Write.SaveToken(stored), audit(by, "agent.token-issued", agentId,
                            Map.of("expiresAt", tokens.expiryOf(stored.createdAt()).toString()))))
                    .invoke(() -> tokens.add(stored.tokenHash(), agentId, stored.createdAt()))
                    .map(ignored -> Optional.of(token));
        });
    }

    /**
     * Revokes every token of the agent, audited; once that is stored no token of it opens a
     * session. False if there is no such agent.
     */
    public Uni<Boolean> revokeTokens(String agentId, Caller by) {
        return loop.onLoop(board -> {
            if (!agents.containsKey(agentId)) {
                return Uni.createFrom().item(false);
            }
            return board.commit(List.of(new Write.DeleteTokens(agentId), audit(by, "agent.tokens-revoked", agentId,
                            Map.of())))
                    .invoke(() -> tokens.revokeAll(agentId))
                    .replaceWith(true);
        });
    }

    /** Signs the agent out and deletes it, audited; its contacts are routed elsewhere. False if unknown. */
    public Uni<Boolean> remove(String agentId, Caller by) {
        return loop.onLoop(board -> {
            Agent agent = agents.get(agentId);
            if (agent == null) {
                return Uni.createFrom().item(false);
            }
            // Decided first: refused while the store is unavailable, the agent stays as it is.
            Uni<?> stored = board.execute(new Command.RemoveAgent(agentId), List.of(new Write.DeleteAgent(agent),
                    audit(by, "agent.deleted", agentId, Map.of("name", agent.name()))));
            agents.remove(agentId);
            tokens.revokeAll(agentId);
            return stored.map(ignored -> true);
        });
    }

    @Override
    public void restored(Restoration.Snapshot snapshot, Board board) {
        agents.clear();
        snapshot.agents().forEach(agent -> agents.put(agent.id(), agent));
        tokens.replaceAll(snapshot.tokens());
    }

    private Write.Audit audit(Caller by, String action, String agentId, Map<String, ?> detail) {
        return new Write.Audit(AuditEntry.of(by.name(), by.role(), action, agentId, detail, loop.clock().instant()));
    }

    /** The profile as the audit trail shows it. */
    private static Map<String, Object> profileOf(Agent agent) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", agent.name());
        profile.put("skills", new JsonObject(agent.skills()));
        profile.put("capacity", new JsonObject(agent.capacity()));
        profile.put("languages", agent.languages().isEmpty() ? List.of() : List.of(agent.languages().split(",")));
        return profile;
    }

    private AgentCard card(Board board, Agent agent) {
        return new AgentCard(agent, board.agent(agent.id()).orElseThrow(), board.followUpsOf(agent.id()));
    }
}
