package io.welcomer.agents;

import io.smallrye.mutiny.Uni;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.security.Caller;
import io.welcomer.store.AuditEntry;
import io.welcomer.switchboard.Decisions;
import io.welcomer.switchboard.RoutingLoop;
import io.welcomer.switchboard.Write;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a supervisor does to an agent: sets it away or signs it out. Each is a routing command,
 * stored with its audit entry in one commit; the agent and the floor are told by the listeners once
 * it is stored. A refused action changes nothing and is answered as a problem: 404 an unknown
 * agent, 409 one not signed in, 400 an away reason not configured.
 */
@ApplicationScoped
public class AgentActions {

    private final RoutingLoop loop;
    private final AgentDirectory directory;

    AgentActions(RoutingLoop loop, AgentDirectory directory) {
        this.loop = loop;
        this.directory = directory;
    }

    /** The agent is away now, or after its current contacts, as if it had said so. */
    public Uni<AgentDirectory.AgentCard> sendAway(String agentId, String reason, boolean afterCurrent, Caller by) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("presence", "AWAY");
        detail.put("reason", reason);
        detail.put("afterCurrent", afterCurrent);
        return onAgent(agentId, new Command.SendAway(agentId, reason, afterCurrent, by.name()), by,
                "agent.presence-set", detail);
    }

    /** The agent's session ends (closed with 1000); its offers go back to the line; its profile stays. */
    public Uni<AgentDirectory.AgentCard> signOut(String agentId, Caller by) {
        return onAgent(agentId, new Command.SignOut(agentId, by.name()), by, "agent.signed-out", Map.of());
    }

    private Uni<AgentDirectory.AgentCard> onAgent(String agentId, Command command, Caller by, String action,
                                                  Map<String, ?> detail) {
        return loop.onLoop(board -> {
            List<Decision> decisions = board.decide(command);
            Decisions.refusalIn(decisions).ifPresent(refusal -> {
                throw switch (refusal) {
                    case UNKNOWN_AGENT -> ProblemException.notFound("no agent " + agentId);
                    case NOT_CONNECTED -> ProblemException.conflict("agent " + agentId + " is OFFLINE: not signed in");
                    case UNKNOWN_REASON -> ProblemException.invalidField("reason", "must be one of the configured away"
                            + " reasons (welcomer.away-reasons)");
                    default -> ProblemException.conflict(refusal.message());
                };
            });
            Write audit = new Write.Audit(AuditEntry.of(by.name(), by.role(), action, agentId, detail,
                    loop.clock().instant()));
            return board.settle(command, decisions, null, List.of(audit));
        }).chain(committed -> directory.find(agentId)).map(Optional::orElseThrow);
    }
}
