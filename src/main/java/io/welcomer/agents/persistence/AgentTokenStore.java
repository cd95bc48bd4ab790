package io.welcomer.agents.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Agent tokens in the store, outside the routing journal: revoking one changes no routing state. */
@ApplicationScoped
public class AgentTokenStore {

    private final Mutiny.SessionFactory sessions;

    AgentTokenStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Deletes every token of the agent; answers how many there were. */
    public Uni<Integer> deleteAll(String agentId) {
        return sessions.withStatelessTransaction(session -> session.createMutationQuery(
                        "delete from AgentTokenEntity where agentId = :agent")
                .setParameter("agent", agentId)
                .executeUpdate());
    }
}
