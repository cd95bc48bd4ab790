package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;

/** What the router decided; the shell stores it, then tells the agents, gateways and metrics. */
public sealed interface Decision {

    /** The contact waits for an agent. */
    record Queued(String contactId, Channel channel) implements Decision {}

    /** The contact is offered to (reserved for) one agent until {@code expiresAt}. */
    record Offered(String contactId, Channel channel, String agentId, Instant expiresAt) implements Decision {}

    /** A live offer ended without an accept; the contact goes back to waiting (or ends). */
    record OfferRevoked(String contactId, String agentId, RevokeReason reason) implements Decision {}

    /** The contact waits again, in its original place in line. */
    record Requeued(String contactId, Channel channel, String previousAgentId) implements Decision {}

    record Connected(String contactId, Channel channel, String agentId, Duration timeToHuman)
            implements Decision {}

    record Completed(String contactId, Channel channel, String agentId, Outcome outcome, Duration touchTime)
            implements Decision {}

    /** The customer will be called back; the contact keeps its place in line. */
    record CallbackArranged(String contactId) implements Decision {}

    /** The customer left before reaching a human. */
    record Abandoned(String contactId, Channel channel) implements Decision {}

    /** The customer left a connected contact; the agent still completes it. */
    record CustomerLeft(String contactId, String agentId) implements Decision {}

    record PresenceChanged(String agentId, Presence presence, String reason) implements Decision {}

    /** The command was refused and changed nothing. */
    record Refused(Refusal refusal) implements Decision {}

    /** Why an offer was revoked, in the words of the agent protocol. */
    enum RevokeReason {
        TIMEOUT, ABANDONED, REJECTED, AGENT_GONE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
