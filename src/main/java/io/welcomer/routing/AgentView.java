package io.welcomer.routing;

import java.time.Instant;
import java.util.List;

/** An agent's live routing state: presence, idle time and the contacts it holds. */
public record AgentView(String agentId, Presence presence, Instant idleSince,
                        List<String> offeredContactIds, List<String> connectedContactIds) {
}
