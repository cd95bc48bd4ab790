package io.welcomer.insights;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.welcomer.insights.persistence.LineQuarterStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Seals the lines' history into its quarter-hour roll-up in the background, so that a history
 * over months reads a few thousand rows instead of every contact. Never on the journal's
 * connection nor in its transactions: the hot path writes contacts as before. Every server may
 * run it; the seal's row lock makes them take turns and never count a quarter twice.
 */
@ApplicationScoped
public class LineHistorySeal {

    private static final Logger LOG = Logger.getLogger(LineHistorySeal.class);

    private final LineQuarterStore store;
    private final LineHistoryConfig config;
    private final InstantSource clock;

    LineHistorySeal(LineQuarterStore store, LineHistoryConfig config, InstantSource clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${welcomer.line-history.seal-every}", delayed = "${welcomer.line-history.seal-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return seal().onFailure().invoke(failure -> LOG.warnf("sealing the lines' history stopped, to go on at the next: %s",
                failure.toString())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Seals every quarter that has become final, batch after batch; answers how many batches moved the seal. */
    public Uni<Integer> seal() {
        return batches(0);
    }

    private Uni<Integer> batches(int moved) {
        return store.sealBatch(clock.instant().minus(config.sealAfter()), config.sealBatch())
                .chain(more -> more ? batches(moved + 1) : Uni.createFrom().item(moved));
    }
}
