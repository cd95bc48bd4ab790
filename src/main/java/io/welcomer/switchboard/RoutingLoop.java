package io.welcomer.switchboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.routing.AgentView;
import io.welcomer.routing.Arrived;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.LineStatus;
import io.welcomer.routing.LineView;
import io.welcomer.routing.QueueStats;
import io.welcomer.routing.Router;
import io.welcomer.routing.RoutingRules;
import io.welcomer.routing.WaitingContact;
import io.welcomer.routing.WaitingView;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The single writer: one Vert.x context where every command is decided by the router, handed
 * to the journal, and, once committed, passed to the {@link DecisionListener}s. It also arms the
 * router's timer and rebuilds the routing state from the store at start. It does no I/O of its
 * own and imports none of its listeners.
 *
 * <p>Methods other than {@link #onLoop} and {@link #ready} run on the routing context only:
 * call them from work given to {@link #onLoop}.
 */
@ApplicationScoped
public class RoutingLoop {

    private static final Logger LOG = Logger.getLogger(RoutingLoop.class);
    /** Start-up waits this long at most for the store; readiness stays down until it is done. */
    private static final Duration START_BOUND = Duration.ofMinutes(2);
    /** A rebuild's read of the store fails after this, and is tried again after the pause. */
    private static final Duration RELOAD_BOUND = Duration.ofSeconds(6);
    private static final Duration RELOAD_PAUSE = Duration.ofMillis(500);

    private final Vertx vertx;
    private final Store store;
    private final WelcomerConfig config;
    private final RoutingRules rules;
    private final InstantSource clock;
    private final List<DecisionListener> listeners;
    private final JournalConfig journalConfig;
    private final MeterRegistry registry;
    private final PgConnectOptions storeOptions;
    private final Leadership leadership;

    // Everything below is touched only on the routing context.
    private OwnThreads threads;
    private Context loop;
    private Router router;
    private Journal journal;
    private ContactRecords records;
    private DeadlineTimer timer;
    private volatile boolean syncing;
    private volatile boolean stopping;

    RoutingLoop(Vertx vertx, Store store, WelcomerConfig config, RoutingRules rules, InstantSource clock,
                @All List<DecisionListener> listeners, JournalConfig journalConfig, LeaseConfig leaseConfig,
                MeterRegistry registry,
                @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                @ConfigProperty(name = "quarkus.datasource.username") String user,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.store = store;
        this.config = config;
        this.rules = rules;
        this.clock = clock;
        this.listeners = listeners;
        this.journalConfig = journalConfig;
        this.registry = registry;
        this.leadership = new Leadership(leaseConfig, registry);
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user);
        password.ifPresent(options::setPassword);
        this.storeOptions = Journal.connectOptions(options, journalConfig);
    }

    /**
     * Bids for the routing lease. Won, the routing state is rebuilt from the store before the
     * server takes traffic; held by another process, this one stands by (live, not ready) and
     * takes over when that lease expires or is released.
     */
    void start(@Observes StartupEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        threads = new OwnThreads(vertx);
        loop = threads.context("welcomer-routing");
        router = new Router(rules, clock);
        records = new ContactRecords(0);
        timer = new DeadlineTimer(vertx, loop, clock, this::tick);
        journal = new Journal(vertx, threads.context("welcomer-journal"), loop, storeOptions, journalConfig, registry,
                leadership::fenced);
        if (leadership.start(vertx, threads.context("welcomer-lease"), loop, storeOptions, this::won, this::lost,
                START_BOUND) == 0) {
            // Read once and thrown away: the first read of a process is the slow one (queries
            // prepared, code compiled), and a takeover should not pay for it.
            store.onFreshContext(loop, sessions -> Restoration.load(sessions,
                            clock.instant().minus(config.repeatWindow()), clock.instant()))
                    .await().atMost(START_BOUND);
        }
    }

    /**
     * Whatever was accepted is stored (bounded by the flush deadline), then the lease is released
     * with a NOTIFY: the standby that takes over finds it all. Nothing is decided after.
     */
    private void handOver() throws InterruptedException, ExecutionException, TimeoutException {
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
        timer.cancel();
        router = new Router(rules, clock);
        records = new ContactRecords(0);
        listeners.forEach(DecisionListener::steppedDown);
    }

    /** Whether this process holds the routing lease (it may still be rebuilding). */
    public boolean leading() {
        return leadership.leading();
    }

    /** What a request to a standby gets: 503, to retry (through the Service, the leader). */
    public StoreUnavailable standingBy() {
        return new StoreUnavailable("this server stands by for another that routes; retry", journalConfig.retryAfter(),
                null);
    }

    /**
     * Stopping, first thing on SIGTERM (after the listeners that still write, such as agents
     * signing off): no new contacts, readiness down; once what was accepted is stored, the lease
     * is released, so a standby takes over at once while this process finishes its requests.
     */
    void stopping(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownDelayInitiatedEvent event)
            throws InterruptedException, ExecutionException, TimeoutException {
        stopping = true;
        if (threads != null) {
            handOver();
        }
    }

    /** The server is stopping: it finishes what it took and takes no new contacts. */
    public boolean stopping() {
        return stopping;
    }

    /** Stopped, once the requests in flight have finished: the journal's connection and the threads end. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        stopping = true;
        if (threads == null) {
            return;
        }
        handOver();
        journal.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS);
        threads.close();
    }

    private Uni<Void> restore(Restoration.Snapshot snapshot) {
        records = new ContactRecords(snapshot.lastEventId());
        List<Write> writes = Restoration.replay(snapshot, router, records, clock.instant());
        // Stored before anything the listeners do next (an agent reconnected after a rebuild).
        Uni<Void> stored = commit(writes);
        QueueStats stats = router.stats();
        listeners.forEach(listener -> listener.restored(snapshot, stats));
        LOG.infof("routing state restored: %d agents, %d live contacts", snapshot.agents().size(),
                snapshot.liveContacts().size());
        afterCommand();
        return stored;
    }

    /** Ready while it holds the lease, once restored, while the store takes writes and the router agrees with it. */
    public boolean ready() {
        return leadership.leading() && !syncing && !stopping && !journal.refusing();
    }

    /** Runs work on the routing context and answers on the caller's context. */
    public <T> Uni<T> onLoop(Supplier<Uni<T>> work) {
        Context caller = Vertx.currentContext();
        Uni<T> onLoop = Uni.createFrom().emitter(emitter -> loop.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
        return caller == null ? onLoop : onLoop.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    // --- on the routing context ---

    public InstantSource clock() {
        return clock;
    }

    /**
     * Asks the router without storing anything yet; pass the decisions to {@link #settle}. Throws
     * {@link StoreUnavailable}, deciding nothing, while the store cannot take the writes. A
     * deadline already due (its timer not fired yet) is handled first, so every command meets the
     * state of its own time: a contact posted as its line closes finds the line closed.
     */
    public List<Decision> decide(Command command) {
        if (!leadership.leading()) {
            throw standingBy();
        }
        if (syncing) {
            throw rebuilding();
        }
        if (!journal.accepting()) {
            throw journal.unavailable();
        }
        if (!(command instanceof Command.Tick)
                && router.nextDeadline().filter(due -> !due.isAfter(clock.instant())).isPresent()) {
            tick();
        }
        return router.handle(command);
    }

    public Uni<List<Decision>> execute(Command command) {
        return execute(command, List.of());
    }

    /** Decides, stores the decisions with {@code extraWrites} in one commit, then tells the listeners. */
    public Uni<List<Decision>> execute(Command command, List<Write> extraWrites) {
        return settle(command, decide(command), null, extraWrites).map(Committed::decisions);
    }

    /**
     * Stores what the router decided (inserting {@code createdContactId}, which must be tracked)
     * and, once committed, tells the listeners and answers what they were told. Fails, telling
     * nobody, if the store refused.
     */
    public Uni<Committed> settle(Command command, List<Decision> decisions, String createdContactId,
                                 List<Write> extraWrites) {
        ContactRecords.Applied applied = records.apply(decisions, clock.instant(), createdContactId,
                this::arrivedOf);
        List<Write> writes = new ArrayList<>(extraWrites);
        writes.addAll(applied.writes());
        List<ContactEvent> events = new ArrayList<>();
        for (Write write : writes) {
            if (write instanceof Write.AppendEvent appended) {
                events.add(appended.event());
            }
        }
        Committed committed = new Committed(command, decisions, applied.decided(), events, router.stats());
        afterCommand();
        return commit(writes).invoke(() -> listeners.forEach(listener -> listener.committed(committed)))
                .replaceWith(committed);
    }

    /**
     * Stores writes that no routing decision made (a token, say), in turn with the rest. A write
     * that fails for good may leave the router ahead of the store, so the loop rebuilds from the
     * store; only a new contact whose own values were refused is left to its intake to withdraw.
     */
    public Uni<Void> commit(List<Write> writes) {
        if (!leadership.leading()) {
            return Uni.createFrom().failure(standingBy());
        }
        if (syncing || !journal.accepting()) {
            return Uni.createFrom().failure(syncing ? rebuilding() : journal.unavailable());
        }
        return Uni.createFrom().emitter(emitter -> journal.append(new Journal.Entry(writes, failure -> {
            if (failure == null) {
                emitter.complete(null);
                return;
            }
            // Fenced, the lease steps down instead; a new contact's refused values are withdrawn by its intake.
            if (!(failure instanceof Fenced)
                    && !(failure instanceof StoreRefused && writes.stream().anyMatch(Write.InsertContact.class::isInstance))) {
                resync();
            }
            emitter.fail(failure);
        })));
    }

    private StoreUnavailable rebuilding() {
        return new StoreUnavailable("routing is being rebuilt from the store; retry later",
                journalConfig.retryAfter(), null);
    }

    /** Some writes failed for good: the router may be ahead of the store. Rebuild it from the store. */
    private void resync() {
        if (syncing || !leadership.leading()) {
            return;
        }
        syncing = true;
        LOG.warn("a write failed for good: rebuilding the routing state from the store");
        journal.refuse();
        reload();
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
        Instant windowOpen = clock.instant().minus(config.repeatWindow());
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
        timer.cancel();
        router = new Router(rules, clock);
        journal.resume();
        syncing = false;
        restore(snapshot).subscribe().with(ignored -> LOG.info("routing state agrees with the store"),
                failure -> LOG.warnf("storing the rebuilt state failed: %s", failure.toString()));
        leadership.routing();
    }

    /** Starts tracking a contact about to arrive; its row is inserted by the {@link #settle} that creates it. */
    public void track(Contact contact) {
        records.track(contact);
    }

    /** Forgets a contact whose first write failed: it was never acknowledged. */
    public void forget(String contactId) {
        records.forget(contactId);
    }

    /** A live contact as last decided; null once it ended. */
    public Contact contact(String contactId) {
        return records.get(contactId);
    }

    /**
     * The number and note of the follow-up the next command may schedule (its row is written by
     * the settle that schedules it).
     */
    public void detailFollowUp(String followUpId, String number, String note) {
        records.detailFollowUp(followUpId, number, note);
    }

    /** The number to call back on, if the next command arranges a callback (its row is written by that settle). */
    public void detailCallback(String number) {
        records.detailCallback(number);
    }

    /** The follow-ups this agent promised that are not due yet, soonest first. */
    public List<PendingFollowUp> followUpsOf(String agentId) {
        return records.promisedBy(agentId);
    }

    private Arrived arrivedOf(String contactId) {
        return router.arrived(contactId).orElseThrow();
    }

    public Optional<WaitingView> waiting(String contactId) {
        return router.waiting(contactId);
    }

    public Optional<AgentView> agent(String agentId) {
        return router.agent(agentId);
    }

    /** Where and when a live contact arrived, as its row keeps it. */
    public Optional<Arrived> arrived(String contactId) {
        return router.arrived(contactId);
    }

    public QueueStats stats() {
        return router.stats();
    }

    /** The queues with contacts waiting, for the supervisor's floor view. */
    public List<LineView> lines() {
        return router.lines();
    }

    /** The contacts waiting longest, at most {@code limit}, by arrival, for the supervisor's floor view. */
    public List<WaitingContact> longestWaiting(int limit) {
        return router.longestWaiting(limit);
    }

    /** A configured line as it stands now; empty if there is none. */
    public Optional<LineStatus> line(String lineId) {
        return router.line(lineId);
    }

    /** Every configured line as it stands now, by id. */
    public List<LineStatus> configuredLines() {
        return router.configuredLines();
    }

    /** After every command: arm the timer for the router's next deadline. */
    private void afterCommand() {
        router.nextDeadline().ifPresent(timer::arm);
    }

    private void tick() {
        if (leadership.leading()) {
            execute(new Command.Tick()).subscribe().with(decisions -> { },
                    failure -> LOG.error("storing timer decisions failed", failure));
        }
    }
}
