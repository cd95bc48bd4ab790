package io.welcomer.switchboard;

import io.welcomer.routing.Decision;
import io.welcomer.routing.Refusal;
import java.util.List;
import java.util.Optional;

/** Reading decisions from the shell's side. */
public final class Decisions {

    private Decisions() {
    }

    /** The contact a decision is about; null for decisions about agents alone. */
    public static String contactOf(Decision decision) {
        return switch (decision) {
            case Decision.Queued d -> d.contactId();
            case Decision.Offered d -> d.contactId();
            case Decision.OfferRevoked d -> d.contactId();
            case Decision.Requeued d -> d.contactId();
            case Decision.Connected d -> d.contactId();
            case Decision.Completed d -> d.contactId();
            case Decision.Abandoned d -> d.contactId();
            case Decision.CallbackArranged d -> d.contactId();
            case Decision.CustomerLeft d -> d.contactId();
            case Decision.PresenceChanged d -> null;
            case Decision.Refused d -> null;
            case Decision.Wrapping d -> d.contactId();
            case Decision.TransferOffered d -> d.contactId();
            case Decision.TransferEnded d -> d.contactId();
            case Decision.Transferred d -> d.contactId();
            case Decision.FollowUpScheduled d -> d.followUp().fromContactId();
            case Decision.FollowUpDue d -> d.followUp().id();
            case Decision.AwayEnded d -> null;
            case Decision.Moved d -> d.contactId();
            case Decision.PriorityChanged d -> d.contactId();
            case Decision.LineConfigured d -> null;
            case Decision.LineRemoved d -> null;
            case Decision.LineOpened d -> null;
            case Decision.LineClosed d -> null;
            case Decision.Overflowed d -> d.contactId();
            case Decision.Answered d -> d.contactId();
        };
    }

    /** The first refusal among a command's decisions, if it was refused. */
    public static Optional<Refusal> refusalIn(List<Decision> decisions) {
        return decisions.stream().filter(Decision.Refused.class::isInstance)
                .map(refused -> ((Decision.Refused) refused).refusal()).findFirst();
    }
}
