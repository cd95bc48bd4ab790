package io.welcomer.records;

import io.smallrye.mutiny.Uni;
import io.welcomer.problems.ProblemException;
import io.welcomer.records.persistence.ErasureStore;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.security.Caller;
import io.welcomer.store.AuditEntry;
import io.welcomer.switchboard.RoutingLoop;
import io.welcomer.switchboard.Write;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A customer's right to erasure: routing forgets them and the erasure is stored in one commit
 * (refused while the customer has a live contact or a promised follow-up), then their personal
 * data goes from every stored contact, event and follow-up at once. An erasure the server stopped
 * in the middle of is taken up again by the next sweep.
 */
@ApplicationScoped
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class);

    private final RoutingLoop loop;
    private final ErasureStore store;
    private final InstantSource clock;

    Erasures(RoutingLoop loop, ErasureStore store, InstantSource clock) {
        this.loop = loop;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Starts erasing the customer's personal data; answers the erasure's id once it is stored with
     * its audit entry (who and when, naming the erasure, never the customer). The same for a
     * customer nobody knows, which is not told apart.
     */
    public Uni<String> erase(String customerId, Caller by) {
        String erasureId = UUID.randomUUID().toString();
        return loop.onLoop(board -> {
            Command forget = new Command.ForgetCustomer(customerId);
            List<Decision> decisions = board.decide(forget);
            if (decisions.stream().anyMatch(Decision.Refused.class::isInstance)) {
                return Uni.createFrom().failure(ProblemException.conflict("this customer has a live contact or a "
                        + "follow-up not yet due; erase them once it has ended"));
            }
            Instant now = clock.instant();
            return board.settle(forget, decisions, null, List.of(new Write.StartErasure(erasureId, customerId, now),
                    new Write.Audit(AuditEntry.of(by.name(), by.role(), "customer.erasure-requested", erasureId,
                            Map.of(), now))));
        }).invoke(() -> run(erasureId)).replaceWith(erasureId);
    }

    /** The erasure, or null. */
    public Uni<Erasure> find(String erasureId) {
        return store.find(erasureId);
    }

    /** Takes up the erasures left running (the server stopped while they ran). */
    public Uni<Void> resume() {
        return store.running().chain(ids -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String id : ids) {
                all = all.chain(() -> store.erase(id, clock.instant()).replaceWithVoid());
            }
            return all;
        });
    }

    private void run(String erasureId) {
        store.erase(erasureId, clock.instant()).subscribe().with(
                contacts -> LOG.infof("erasure %s done: %d contacts", erasureId, contacts),
                failure -> LOG.warnf("erasure %s stopped, to be taken up by the next sweep: %s", erasureId,
                        failure.toString()));
    }
}
