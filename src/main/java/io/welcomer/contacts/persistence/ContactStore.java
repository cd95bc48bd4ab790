package io.welcomer.contacts.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads of stored contacts, and the feedback write, which never touches routing. */
@ApplicationScoped
public class ContactStore {

    private final Mutiny.SessionFactory sessions;

    ContactStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The stored contact, or null. */
    public Uni<ContactEntity> find(String id) {
        return sessions.withStatelessSession(session -> session.get(ContactEntity.class, id));
    }

    public Uni<Optional<ContactEntity>> byIdempotencyKey(String gatewayId, String idempotencyKey) {
        return sessions.withStatelessSession(session -> session.createSelectionQuery(
                        "from ContactEntity where gatewayId = :gateway and idempotencyKey = :key", ContactEntity.class)
                .setParameter("gateway", gatewayId)
                .setParameter("key", idempotencyKey)
                .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    /** The customer's earlier contacts, newest first, at most {@code limit}. */
    public Uni<List<ContactEntity>> earlier(ContactEntity contact, int limit) {
        return sessions.withStatelessSession(session -> session.createSelectionQuery("""
                        from ContactEntity c
                        where c.customerId = :customer and c.id <> :id and c.createdAt <= :before
                        order by c.createdAt desc""", ContactEntity.class)
                .setParameter("customer", contact.customerId)
                .setParameter("id", contact.id)
                .setParameter("before", contact.createdAt)
                .setMaxResults(limit)
                .getResultList());
    }

    /** Stores the customer's answer if the contact is completed and has none yet; says whether it did. */
    public Uni<Boolean> recordFeedback(String id, int csat, String comment, Instant at) {
        return sessions.withStatelessTransaction(session -> session.createMutationQuery("""
                        update ContactEntity set csat = :csat, feedbackComment = :comment, feedbackAt = :at
                        where id = :id and state = 'COMPLETED' and csat is null""")
                .setParameter("csat", csat)
                .setParameter("comment", comment)
                .setParameter("at", at)
                .setParameter("id", id)
                .executeUpdate())
                .map(updated -> updated > 0);
    }
}
