package io.welcomer.contacts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.routing.Channel;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.WaitingView;
import io.welcomer.store.Contact;
import java.time.Instant;

/**
 * A contact as gateways see it. While it waits: its position, and honestly where it stands:
 * whether its line is open ({@code opensAt} if not, {@code closesAt} if it closes), whether
 * anyone signed in could serve it ({@code staffed}) or anyone at all ({@code servable}), and an
 * estimate only where there is an honest one, with {@code likelyBeforeClose} when a closing comes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(String id, String state, String channel, String line, String mode, String agentId,
                          Integer position, Long estimatedWaitSeconds, Boolean open, Instant opensAt,
                          Instant closesAt, Boolean likelyBeforeClose, Boolean staffed, Boolean servable,
                          boolean callbackAvailable, Instant createdAt, Instant offeredAt, Instant connectedAt,
                          Instant endedAt, Outcome outcome, Feedback feedback) {

    public record Outcome(boolean resolved, String code, String notes) {}

    public record Feedback(int csat, String comment, Instant at) {}

    /**
     * The contact with where it stands ({@code waiting} null unless it waits). A live contact
     * still waiting on a channel the router calls back on can turn into a callback.
     */
    public static ContactView of(Contact contact, WaitingView waiting) {
        Contact.Progress progress = contact.progress();
        Channel channel = Channel.fromWireName(contact.arrival().channel());
        boolean callbackAvailable = progress.state() == ContactState.QUEUED && progress.mode() == Contact.Mode.LIVE
                && channel != null && channel.callsBack();
        Outcome outcome = progress.outcome() == null ? null : new Outcome(progress.outcome().resolved(),
                progress.outcome().code(), progress.outcome().notes());
        Contact.Feedback feedback = contact.feedback();
        return new ContactView(contact.id(), progress.state().name(), contact.arrival().channel(),
                contact.arrival().line(), progress.mode().name(), progress.agentId(),
                waiting == null ? null : waiting.position(),
                waiting == null ? null : waiting.estimatedWaitSeconds(),
                waiting == null ? null : waiting.open(),
                waiting == null ? null : waiting.opensAt(),
                waiting == null ? null : waiting.closesAt(),
                waiting == null ? null : waiting.likelyBeforeClose(),
                waiting == null ? null : waiting.staffed(),
                waiting == null ? null : waiting.servable(),
                callbackAvailable, progress.createdAt(), progress.offeredAt(), progress.connectedAt(), progress.endedAt(),
                outcome, feedback == null ? null : new Feedback(feedback.csat(), feedback.comment(), feedback.at()));
    }
}
