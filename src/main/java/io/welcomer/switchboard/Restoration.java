package io.welcomer.switchboard;

import io.smallrye.mutiny.Uni;
import io.welcomer.agents.persistence.AgentEntity;
import io.welcomer.agents.persistence.AgentTokenEntity;
import io.welcomer.contacts.persistence.ContactEntity;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads what the router needs to rebuild its state after a start or a crash. */
final class Restoration {

    record Snapshot(List<AgentEntity> agents, List<AgentTokenEntity> tokens, List<ContactEntity> liveContacts,
                    long lastEventId) {}

    private Restoration() {
    }

    static Uni<Snapshot> load(Mutiny.SessionFactory sessions) {
        return sessions.withStatelessSession(session -> session
                .createSelectionQuery("from AgentEntity order by id", AgentEntity.class).getResultList()
                .chain(agents -> session.createSelectionQuery("from AgentTokenEntity", AgentTokenEntity.class)
                        .getResultList()
                        .chain(tokens -> session.createSelectionQuery(
                                        "from ContactEntity where state in ('QUEUED', 'OFFERED', 'CONNECTED') order by arrivalSeq",
                                        ContactEntity.class).getResultList()
                                .chain(contacts -> session.createSelectionQuery(
                                                "select coalesce(max(id), 0) from ContactEventEntity", Long.class)
                                        .getSingleResult()
                                        .map(lastEventId -> new Snapshot(agents, tokens, contacts, lastEventId))))));
    }
}
