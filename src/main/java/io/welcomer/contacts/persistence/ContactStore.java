package io.welcomer.contacts.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads of stored contacts, and the feedback write, which never touches routing. */
@ApplicationScoped
public class ContactStore {

    /** An earlier contact of a customer, as an offer shows it. */
    public record Earlier(Instant createdAt, String agentId, Boolean resolved, Integer csat) {}

    private final Mutiny.SessionFactory sessions;
    private final Pool pool;

    ContactStore(Mutiny.SessionFactory sessions, Pool pool) {
        this.sessions = sessions;
        this.pool = pool;
    }

    /** The stored contact, or null. */
    public Uni<Contact> find(String id) {
        return sessions.withStatelessSession(session -> session.get(ContactEntity.class, id))
                .map(stored -> stored == null ? null : stored.toContact());
    }

    public Uni<Optional<Contact>> byIdempotencyKey(String gatewayId, String idempotencyKey) {
        return sessions.withStatelessSession(session -> session.createSelectionQuery(
                        "from ContactEntity where gatewayId = :gateway and idempotencyKey = :key", ContactEntity.class)
                .setParameter("gateway", gatewayId)
                .setParameter("key", idempotencyKey)
                .getSingleResultOrNull())
                .map(stored -> Optional.ofNullable(stored).map(ContactEntity::toContact));
    }

    /** The contact's idempotency key no longer names it: past the window, the key makes a new contact. */
    public Uni<Void> freeIdempotencyKey(String contactId, String idempotencyKey) {
        return pool.preparedQuery("update contacts set idempotency_key = null where id = $1 and idempotency_key = $2")
                .execute(Tuple.of(contactId, idempotencyKey))
                .replaceWithVoid();
    }

    /**
     * The customer's earlier contacts, newest first, at most {@code limit}. Read for every offer,
     * so it is one prepared statement on the SQL client, no session and no entities.
     */
    public Uni<List<Earlier>> earlier(Contact contact, int limit) {
        return pool.preparedQuery("""
                        select created_at, agent_id, resolved, csat from contacts
                        where customer_id = $1 and id <> $2 and created_at <= $3
                        order by created_at desc limit $4""")
                .execute(Tuple.of(contact.arrival().customer().id(), contact.id(),
                        contact.progress().createdAt().atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<Earlier> earlier = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        earlier.add(new Earlier(row.getOffsetDateTime("created_at").toInstant(),
                                row.getString("agent_id"), row.getBoolean("resolved"), row.getInteger("csat")));
                    }
                    return earlier;
                });
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
