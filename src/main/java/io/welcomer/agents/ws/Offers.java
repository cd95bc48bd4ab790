package io.welcomer.agents.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.contacts.persistence.ContactStore;
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

    static Frames.Offer frame(ContactEntity contact, List<ContactStore.Earlier> earlier, Instant expiresAt, Instant now,
                              ObjectMapper json, Frames.Transfer transfer) {
        return new Frames.Offer(contact.id, contact.channel, contact.mode, customerOf(contact), contact.topic,
                context(contact, json), earlier.stream().map(Offers::historyItem).toList(),
                Math.max(0, Duration.between(now, expiresAt).toSeconds()), expiresAt, transfer, contact.followUpNote);
    }

    /** A contact sent cold to a line carries its last owner's note to whoever is offered it next. */
    static Frames.Transfer coldTransferOf(ContactEntity contact) {
        return COLD.equals(contact.transferMode)
                ? new Frames.Transfer(contact.transferFrom, contact.transferMode, contact.transferNote)
                : null;
    }

    /** Resolved and CSAT are null until the contact completed and the customer answered. */
    private static Frames.HistoryItem historyItem(ContactStore.Earlier earlier) {
        return new Frames.HistoryItem(earlier.createdAt(), earlier.agentId(), earlier.resolved(), earlier.csat());
    }

    static Frames.Customer customerOf(ContactEntity contact) {
        return new Frames.Customer(contact.customerId, contact.customerName, contact.customerLanguage);
    }

    private static JsonNode context(ContactEntity contact, ObjectMapper json) {
        if (contact.context == null) {
            return null;
        }
        try {
            return json.readTree(contact.context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored context is not JSON", e);
        }
    }
}
