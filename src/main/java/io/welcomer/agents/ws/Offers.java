package io.welcomer.agents.ws;

import io.welcomer.contacts.persistence.ContactStore;
import io.welcomer.store.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds the offer an agent sees: who the customer is, why they came, and their history with us. */
final class Offers {

    /** The offer lists at most this many earlier contacts, newest first. */
    static final int HISTORY_LIMIT = 10;
    private static final String COLD = "cold";

    private Offers() {
    }

    static Frames.Offer frame(Contact contact, List<ContactStore.Earlier> earlier, Instant expiresAt, Instant now,
                              Frames.Transfer transfer) {
        Contact.Arrival arrival = contact.arrival();
        return new Frames.Offer(arrival.id(), arrival.channel(), contact.progress().mode().name(), customerOf(contact),
                arrival.topic(), arrival.context(), earlier.stream().map(Offers::historyItem).toList(),
                Math.max(0, Duration.between(now, expiresAt).toSeconds()), expiresAt, transfer, arrival.followUpNote(),
                arrival.line());
    }

    /** A contact sent cold to a line carries its last owner's note to whoever is offered it next. */
    static Frames.Transfer coldTransferOf(Contact contact) {
        Contact.Transfers transfers = contact.progress().transfers();
        return COLD.equals(transfers.lastMode())
                ? new Frames.Transfer(transfers.lastFrom(), transfers.lastMode(), transfers.lastNote())
                : null;
    }

    /** Resolved and CSAT are null until the contact completed and the customer answered. */
    private static Frames.HistoryItem historyItem(ContactStore.Earlier earlier) {
        return new Frames.HistoryItem(earlier.createdAt(), earlier.agentId(), earlier.resolved(), earlier.csat());
    }

    static Frames.Customer customerOf(Contact contact) {
        Contact.Customer customer = contact.arrival().customer();
        return new Frames.Customer(customer.id(), customer.name(), customer.language());
    }
}
