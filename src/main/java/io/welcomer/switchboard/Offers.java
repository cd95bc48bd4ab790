package io.welcomer.switchboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.welcomer.agents.ws.Frames;
import io.welcomer.contacts.persistence.ContactEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.hibernate.reactive.mutiny.Mutiny;

/** Builds the offer an agent sees: who the customer is, why they came, and their history with us. */
final class Offers {

    /** The offer lists at most this many earlier contacts, newest first. */
    static final int HISTORY_LIMIT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Offers() {
    }

    static Uni<Frames.Offer> frame(Mutiny.SessionFactory sessions, ContactEntity contact, Instant expiresAt,
                                   InstantSource clock) {
        return sessions.withStatelessSession(session -> session.createSelectionQuery("""
                        from ContactEntity c
                        where c.customerId = :customer and c.id <> :id and c.createdAt <= :before
                        order by c.createdAt desc""", ContactEntity.class)
                .setParameter("customer", contact.customerId)
                .setParameter("id", contact.id)
                .setParameter("before", contact.createdAt)
                .setMaxResults(HISTORY_LIMIT)
                .getResultList())
                .map(earlier -> new Frames.Offer(contact.id, contact.channel, contact.mode, customerOf(contact),
                        contact.topic, context(contact), earlier.stream().map(Offers::historyItem).toList(),
                        Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds())));
    }

    /** Resolved and CSAT are null until the contact completed and the customer answered. */
    private static Frames.HistoryItem historyItem(ContactEntity earlier) {
        return new Frames.HistoryItem(earlier.createdAt, earlier.agentId, earlier.resolved, earlier.csat);
    }

    static Frames.Customer customerOf(ContactEntity contact) {
        return new Frames.Customer(contact.customerId, contact.customerName, contact.customerLanguage);
    }

    private static JsonNode context(ContactEntity contact) {
        if (contact.context == null) {
            return null;
        }
        try {
            return JSON.readTree(contact.context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored context is not JSON", e);
        }
    }
}
