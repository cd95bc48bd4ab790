package io.welcomer.routing;

import java.time.Instant;

/**
 * A promise to contact the customer again: at {@code at} the contact {@code request} (its id is
 * the follow-up's) is offered to {@code agentId} first, then to anyone eligible after the grace.
 */
public record FollowUp(String id, String agentId, String fromContactId, ContactRequest request, Instant at) {
}
