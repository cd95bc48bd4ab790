package io.welcomer.records;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.records.persistence.SweepStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The background sweeps: personal data past {@code welcomer.retention.personal-data} is erased, and
 * idempotency keys past {@code welcomer.idempotency-window} are freed (and customers' erasures a
 * stop interrupted are taken up). Each goes in batches of
 * short transactions on the shared pool with a pause between, never on the journal's connection,
 * and touches ended contacts (retention) or a column the journal never writes (keys).
 */
@ApplicationScoped
public class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class);

    private final SweepStore store;
    private final Erasures erasures;
    private final RetentionConfig retention;
    private final WelcomerConfig config;
    private final InstantSource clock;
    private final Counter erased;

    Sweeps(SweepStore store, Erasures erasures, RetentionConfig retention, WelcomerConfig config,
           InstantSource clock, MeterRegistry registry) {
        this.store = store;
        this.erasures = erasures;
        this.retention = retention;
        this.config = config;
        this.clock = clock;
        this.erased = Counter.builder("welcomer.retention.erased")
                .description("Contacts whose personal data was erased past the retention period")
                .register(registry);
    }

    @Scheduled(every = "${welcomer.retention.every}", delayed = "${welcomer.retention.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return erasures.resume().chain(this::sweep).onFailure().invoke(failure -> LOG.warnf("a sweep stopped, to go on at the next: %s",
                failure.toString())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Both sweeps to their cutoffs as of now; answers the contacts whose personal data it erased. */
    public Uni<Long> sweep() {
        Instant now = clock.instant();
        Instant retained = now.minus(retention.personalData());
        return batches((cutoff, size) -> store.eraseBefore(cutoff, size, now), retained, 0)
                .invoke(count -> erased.increment(count))
                .call(() -> batches(store::freeKeysBefore, now.minus(config.idempotencyWindow()), 0));
    }

    /** Batch after batch, a pause between, until one finds the sweep at its cutoff; answers the contacts changed. */
    private Uni<Long> batches(BiFunction<Instant, Integer, Uni<SweepStore.Batch>> batch, Instant cutoff, long changed) {
        return batch.apply(cutoff, retention.batchSize()).chain(done -> done.done()
                ? Uni.createFrom().item(changed + done.changed())
                : Uni.createFrom().voidItem().onItem().delayIt().by(retention.pause())
                        .chain(() -> batches(batch, cutoff, changed + done.changed())));
    }
}
