package io.welcomer.contacts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.contacts.persistence.ContactEntity;
import java.time.Instant;

/** A contact as gateways see it; position and wait only while it is queued. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(String id, String state, String channel, String mode, String agentId, Integer position,
                          Long estimatedWaitSeconds, boolean callbackAvailable, Instant createdAt,
                          Instant offeredAt, Instant connectedAt, Instant endedAt, Outcome outcome) {

    public record Outcome(boolean resolved, String code, String notes) {}

    /**
     * Callbacks that keep the customer's place come with the callback endpoint; until then no
     * contact offers one.
     */
    public static ContactView of(ContactEntity contact, Integer position, Long estimatedWaitSeconds) {
        Outcome outcome = contact.resolved == null ? null
                : new Outcome(contact.resolved, contact.outcomeCode, contact.outcomeNotes);
        return new ContactView(contact.id, contact.state, contact.channel, contact.mode, contact.agentId, position,
                estimatedWaitSeconds, false, contact.createdAt, contact.offeredAt, contact.connectedAt,
                contact.endedAt, outcome);
    }
}
