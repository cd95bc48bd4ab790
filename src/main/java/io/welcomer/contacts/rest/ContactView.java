package io.welcomer.contacts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.contacts.Contact;
import io.welcomer.routing.ContactState;
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
    public static ContactView of(Contact contact, Integer position, Long estimatedWaitSeconds) {
        Contact.Progress progress = contact.progress();
        Channel channel = Channel.fromWireName(contact.arrival().channel());
        boolean callbackAvailable = progress.state() == ContactState.QUEUED && progress.mode() == Contact.Mode.LIVE
                && channel != null && channel.callsBack();
        Outcome outcome = progress.outcome() == null ? null : new Outcome(progress.outcome().resolved(),
                progress.outcome().code(), progress.outcome().notes());
        Contact.Feedback feedback = contact.feedback();
        return new ContactView(contact.id(), progress.state().name(), contact.arrival().channel(),
                progress.mode().name(), progress.agentId(), position, estimatedWaitSeconds, callbackAvailable,
                progress.createdAt(), progress.offeredAt(), progress.connectedAt(), progress.endedAt(), outcome,
                feedback == null ? null : new Feedback(feedback.csat(), feedback.comment(), feedback.at()));
    }
}
