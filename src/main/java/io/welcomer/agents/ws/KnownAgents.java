package io.welcomer.agents.ws;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.welcomer.security.Roles;
import io.welcomer.switchboard.RoutingLoop;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The upgrade of an agent's socket is refused with 403 when the credential names no agent (a
 * sign-in at the centre's provider whose name is no agent's id): a session with nobody to route to
 * would never get an offer. A minted token always names an agent; the role checks answer 401 or
 * 403 for the rest.
 */
@ApplicationScoped
public class KnownAgents implements HttpUpgradeCheck {

    private final RoutingLoop loop;

    KnownAgents(RoutingLoop loop) {
        this.loop = loop;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return AgentSocket.ENDPOINT.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().chain(identity -> {
            // A standby knows no agents yet: it opens the session and sends it to the leader (1013).
            if (identity == null || identity.isAnonymous() || !identity.hasRole(Roles.AGENT) || !loop.leading()) {
                return CheckResult.permitUpgrade();
            }
            String agentId = identity.getPrincipal().getName();
            return loop.onLoop(board -> Uni.createFrom().item(board.agent(agentId).isPresent()))
                    .chain(known -> known ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(403));
        });
    }
}
