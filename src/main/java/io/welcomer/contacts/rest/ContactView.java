package io.welcomer.contacts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.routing.Channel;
import java.time.Instant;

/** A contact as gateways see it; position and wait only while it is queued. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(String id, String state, String channel, String mode, String agentId, Integer position,
                          Long estimatedWaitSeconds, boolean callbackAvailable, Instant createdAt,
                          Instant offeredAt, Instant connectedAt, Instant endedAt, Outcome outcome,
                          Feedback feedback) {

    public record Outcome(boolean resolved, String code, String notes) {}

    public record Feedback(int csat, String comment, Instant at) {}

    /** A live contact still waiting on a channel the router calls back on can turn into a callback. */
    public static ContactView of(ContactEntity contact, Integer position, Long estimatedWaitSeconds) {
        Channel channel = Channel.fromWireName(contact.channel);
        boolean callbackAvailable = "QUEUED".equals(contact.state) && "LIVE".equals(contact.mode)
                && channel != null && channel.callsBack();
        Outcome outcome = contact.resolved == null ? null
                : new Outcome(contact.resolved, contact.outcomeCode, contact.outcomeNotes);
        return new ContactView(contact.id, contact.state, contact.channel, contact.mode, contact.agentId, position,
                estimatedWaitSeconds, callbackAvailable, contact.createdAt, contact.offeredAt, contact.connectedAt,
                contact.endedAt, outcome,
                contact.csat == null ? null : new Feedback(contact.csat, contact.feedbackComment, contact.feedbackAt));
    }
}
