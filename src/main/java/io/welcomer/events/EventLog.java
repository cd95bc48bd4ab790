package io.welcomer.events;

import io.smallrye.mutiny.Uni;
import io.welcomer.store.ContactEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** The durable event log, read back for a gateway that reconnects with Last-Event-ID. */
@ApplicationScoped
public class EventLog {

    private final Mutiny.SessionFactory sessions;

    EventLog(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** At most {@code limit} of the gateway's events after {@code after}, in log order. */
    Uni<List<GatewayEvent>> after(String gatewayId, long after, int limit) {
        return sessions.withStatelessSession(session -> session.createSelectionQuery(
                        "from ContactEventEntity where gatewayId = :gateway and id > :after order by id",
                        ContactEventEntity.class)
                .setParameter("gateway", gatewayId)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList())
                .map(stored -> stored.stream().map(ContactEventEntity::toEvent).map(GatewayEvent::of).toList());
    }
}
