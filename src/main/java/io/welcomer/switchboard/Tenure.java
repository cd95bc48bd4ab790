package io.welcomer.switchboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.welcomer.routing.RoutingRules;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * How this process comes to route and stops routing: it bids for the lease, rebuilds the
 * {@link Board} from the store when it wins (or when a write failed for good), clears it when it
 * loses, and hands over to a standby when it stops. Its callbacks run on the routing context.
 */
final class Tenure {

    private static final Logger LOG = Logger.getLogger(Tenure.class);
    /** Start-up waits this long at most for the store; readiness stays down until it is done. */
    private static final Duration START_BOUND = Duration.ofMinutes(2);
    /** A rebuild's read of the store fails after this, and is tried again after the pause. */
    private static final Duration RELOAD_BOUND = Duration.ofSeconds(6);
    private static final Duration RELOAD_PAUSE = Duration.ofMillis(500);

    private final Vertx vertx;
    private final Store store;
    private final InstantSource clock;
    private final Duration repeatWindow;
    private final JournalConfig journalConfig;
    private final Leadership leadership;
    private final OwnThreads threads;
    private final Context loop;
    private final Journal journal;
    private final Board board;
    private volatile boolean syncing;

    /** Starts the routing, journal and lease threads; nothing is routed before {@link #start}. */
    Tenure(Vertx vertx, Store store, RoutingRules rules, InstantSource clock, Duration repeatWindow,
           List<DecisionListener> listeners, JournalConfig journalConfig, MeterRegistry registry,
           PgConnectOptions storeOptions, Leadership leadership) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.repeatWindow = repeatWindow;
        this.journalConfig = journalConfig;
        this.leadership = leadership;
        this.threads = new OwnThreads(vertx);
        this.loop = threads.context("welcomer-routing");
        this.journal = new Journal(vertx, threads.context("welcomer-journal"), loop, storeOptions, journalConfig,
                registry, leadership::fenced);
        this.board = new Board(vertx, loop, rules, clock, listeners, journal, this);
    }

    Context loop() {
        return loop;
    }

    Board board() {
        return board;
    }

    /**
     * Bids for the routing lease. Won, the routing state is rebuilt from the store before the
     * server takes traffic; held by another process, this one stands by (live, not ready) and
     * takes over when that lease expires or is released.
     */
    void start(PgConnectOptions storeOptions) throws InterruptedException, ExecutionException, TimeoutException {
        if (leadership.start(vertx, threads.context("welcomer-lease"), loop, storeOptions, this::won, this::lost,
                START_BOUND) == 0) {
            // Read once and thrown away: the first read of a process is the slow one (queries
            // prepared, code compiled), and a takeover should not pay for it.
            store.onFreshContext(loop, sessions -> Restoration.load(sessions, clock.instant().minus(repeatWindow),
                            clock.instant()))
                    .await().atMost(START_BOUND);
        }
    }

    /**
     * Once what was accepted is stored (bounded by the flush deadline), the lease is released with
     * a NOTIFY, so the standby that takes over finds it all. Nothing is decided after.
     */
    void handOver() throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + journalConfig.flushDeadline().toNanos();
        while (journal.outstanding() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (journal.outstanding() > 0) {
            LOG.warnf("stopping with %d writes not stored", journal.outstanding());
        }
        journal.refuse();
        leadership.release();
    }

    /** Stopped: the journal's connection and the threads end. */
    void close() throws InterruptedException, ExecutionException, TimeoutException {
        journal.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS);
        threads.close();
    }

    boolean leading() {
        return leadership.leading();
    }

    /** Routing: it holds the lease, is restored, the store takes writes and the router agrees with it. */
    boolean routing() {
        return leadership.leading() && !syncing && !journal.refusing();
    }

    /** Throws, so that nothing is decided or written, unless this process routes and the store takes writes. */
    void checkAccepting() {
        if (!leadership.leading()) {
            throw standingBy(journalConfig);
        }
        if (syncing) {
            throw new StoreUnavailable("routing is being rebuilt from the store; retry later",
                    journalConfig.retryAfter(), null);
        }
        if (!journal.accepting()) {
            throw journal.unavailable();
        }
    }

    /** What a request to a standby gets: 503, to retry (through the Service, the leader). */
    static StoreUnavailable standingBy(JournalConfig journalConfig) {
        return new StoreUnavailable("this server stands by for another that routes; retry", journalConfig.retryAfter(),
                null);
    }

    /** Some writes failed for good: the router may be ahead of the store. Rebuild it from the store. */
    void resync() {
        if (syncing || !leadership.leading()) {
            return;
        }
        syncing = true;
        LOG.warn("a write failed for good: rebuilding the routing state from the store");
        journal.refuse();
        reload();
    }

    /** Won the lease: fence the journal with its epoch, then rebuild the routing state from the store. */
    private void won(long epoch) {
        journal.fence(leadership.domain(), epoch);
        syncing = true;
        journal.refuse();
        reload();
    }

    /**
     * Lost the lease (not renewed in time, fenced, or taken over): stop routing at once. Nothing
     * more is decided or written; agents are sent elsewhere; the process stands by again.
     */
    private void lost(String why) {
        journal.refuse();
        board.stepDown();
    }

    /**
     * Once every write in flight has settled, tries until the journal reaches the store and the
     * state can be read from it, then rebuilds.
     */
    private void reload() {
        if (!leadership.leading()) {
            return;
        }
        if (journal.outstanding() > 0) {
            vertx.setTimer(10, id -> loop.runOnContext(ignored -> reload()));
            return;
        }
        Instant windowOpen = clock.instant().minus(repeatWindow);
        Uni.createFrom().<Void>emitter(emitter -> journal.probe(failure -> {
                    if (failure == null) {
                        emitter.complete(null);
                    } else {
                        emitter.fail(failure);
                    }
                }))
                .chain(() -> store.onFreshContext(loop, sessions -> Restoration.load(sessions, windowOpen,
                        clock.instant())))
                .ifNoItem().after(RELOAD_BOUND).fail()
                .subscribe().with(this::rebuild, failure -> {
                    LOG.warnf("rebuild from the store failed (%s), trying again", failure.toString());
                    vertx.setTimer(RELOAD_PAUSE.toMillis(), id -> loop.runOnContext(ignored -> reload()));
                });
    }

    private void rebuild(Restoration.Snapshot snapshot) {
        if (!leadership.leading()) {
            return;
        }
        board.clear();
        journal.resume();
        syncing = false;
        board.restore(snapshot).subscribe().with(ignored -> LOG.info("routing state agrees with the store"),
                failure -> LOG.warnf("storing the rebuilt state failed: %s", failure.toString()));
        leadership.routing();
    }
}
