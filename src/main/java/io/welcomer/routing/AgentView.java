package io.welcomer.routing;

import java.time.Instant;
import java.util.List;

/**
 * An agent's live routing state: presence, idle time, the contacts it holds, the warm transfers
 * offered to it, and the follow-ups it promised that are not due yet.
 */
public record AgentView(String agentId, Presence presence, Instant idleSince,
                        List<String> offeredContactIds, List<String> connectedContactIds,
                        List<String> wrappingContactIds, List<String> transferOfferIds,
                        List<FollowUp> followUps) {
}
