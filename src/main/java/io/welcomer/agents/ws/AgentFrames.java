package io.welcomer.agents.ws;

import io.quarkus.websockets.next.CloseReason;
import io.welcomer.contacts.persistence.ContactStore;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.TransferStatus;
import io.welcomer.store.Contact;
import io.welcomer.switchboard.Committed;
import io.welcomer.switchboard.DecisionListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;

/** Tells agents what was decided about them, once it is stored. */
@ApplicationScoped
public class AgentFrames implements DecisionListener {

    private final AgentLinks links;
    private final ContactStore contacts;
    private final InstantSource clock;

    AgentFrames(AgentLinks links, ContactStore contacts, InstantSource clock) {
        this.links = links;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public void committed(Committed committed) {
        for (Decision decision : committed.decisions()) {
            switch (decision) {
                case Decision.Offered d -> offer(d.agentId(), committed.decided().get(d.contactId()), d.expiresAt(),
                        Offers.coldTransferOf(committed.decided().get(d.contactId())));
                case Decision.TransferOffered d -> {
                    offer(d.toAgentId(), committed.decided().get(d.contactId()), d.expiresAt(),
                            new Frames.Transfer(d.fromAgentId(), "warm", d.note()));
                    links.send(d.fromAgentId(), new Frames.TransferStatus(d.contactId(), "offered"));
                }
                case Decision.TransferEnded d -> {
                    links.send(d.fromAgentId(), new Frames.TransferStatus(d.contactId(), d.status().wireName()));
                    links.send(d.toAgentId(), new Frames.OfferRevoked(d.contactId(), revokeReason(d.status())));
                }
                case Decision.Transferred d -> {
                    // Warm or cold, the contact has left its owner.
                    links.send(d.fromAgentId(), new Frames.TransferStatus(d.contactId(), "accepted"));
                    if (d.toAgentId() != null) {
                        links.send(d.toAgentId(), new Frames.Connected(d.contactId(),
                                committed.decided().get(d.contactId()).progress().callbackNumber()));
                    }
                }
                case Decision.OfferRevoked d ->
                        links.send(d.agentId(), new Frames.OfferRevoked(d.contactId(), d.reason().wireName()));
                case Decision.Connected d -> links.send(d.agentId(),
                        new Frames.Connected(d.contactId(), committed.decided().get(d.contactId()).progress().callbackNumber()));
                case Decision.CustomerLeft d -> links.send(d.agentId(), new Frames.CustomerLeft(d.contactId()));
                case Decision.PresenceChanged d -> {
                    // A new session learns its presence from hello.
                    if (!(committed.command() instanceof Command.ConnectAgent)) {
                        links.send(d.agentId(), new Frames.PresenceChanged(d.presence(), d.reason(), d.next(), d.by()));
                    }
                }
                case Decision.Queued d -> { }
                case Decision.Requeued d -> { }
                case Decision.CallbackArranged d -> { }
                case Decision.Completed d -> {
                    if (d.agentId() != null) {
                        boolean byTheAgent = committed.command() instanceof Command.CompleteContact;
                        links.send(d.agentId(), new Frames.Completed(d.contactId(), byTheAgent ? null : d.outcome().code()));
                    }
                }
                case Decision.Abandoned d -> { }
                case Decision.Wrapping d -> { }
                case Decision.FollowUpScheduled d -> { }
                case Decision.FollowUpDue d -> { }
                case Decision.AwayEnded d -> { }
                case Decision.Moved d -> { }
                case Decision.PriorityChanged d -> { }
                case Decision.LineConfigured d -> { }
                case Decision.LineRemoved d -> { }
                case Decision.LineOpened d -> { }
                case Decision.LineClosed d -> { }
                case Decision.Overflowed d -> { }
                case Decision.Answered d -> { }
                case Decision.Refused d -> { }
            }
        }
        switch (committed.command()) {
            case Command.RemoveAgent removed -> links.drop(removed.agentId());
            case Command.SignOut signedOut when committed.decisions().stream().noneMatch(Decision.Refused.class::isInstance) ->
                    links.closeAfterFrames(signedOut.agentId(), new CloseReason(1000, signedOutBy(signedOut.by())));
            default -> { }
        }
    }

    private void offer(String agentId, Contact contact, Instant expiresAt, Frames.Transfer transfer) {
        links.send(agentId, () -> contacts.earlier(contact, Offers.HISTORY_LIMIT)
                .map(earlier -> Offers.frame(contact, earlier, expiresAt, clock.instant(), transfer)));
    }

    /** The close reason of a session a supervisor ended; a close frame's reason holds at most 123 bytes. */
    static String signedOutBy(String supervisor) {
        String reason = "signed out by " + supervisor;
        return reason.getBytes(StandardCharsets.UTF_8).length <= 123 ? reason : "signed out by a supervisor";
    }

    /** How a warm transfer's target hears that its offer is gone. */
    private static String revokeReason(TransferStatus status) {
        return switch (status) {
            case REJECTED -> Decision.RevokeReason.REJECTED.wireName();
            case TIMEOUT -> Decision.RevokeReason.TIMEOUT.wireName();
            case TARGET_GONE -> Decision.RevokeReason.AGENT_GONE.wireName();
            case CANCELLED, CUSTOMER_LEFT -> "transfer-cancelled";
        };
    }
}
