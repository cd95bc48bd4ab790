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
import io.welcomer.routing.RoutingRules;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single writer: one Vert.x context where every command is decided by the router, handed
 * to the journal, and, once committed, passed to the {@link DecisionListener}s. Work reaches the
 * routing state only through {@link #onLoop}, which hands it the {@link Board}; the loop's
 * tenure (the lease, rebuilds, stopping) is {@link Tenure}'s. It does no I/O of its own and
 * imports none of its listeners.
 */
@ApplicationScoped
public class RoutingLoop {

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
    private volatile Tenure tenure;
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

    /** Bids for the routing lease; see {@link Tenure#start}. */
    void start(@Observes StartupEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        tenure = new Tenure(vertx, store, rules, clock, config.repeatWindow(), listeners, journalConfig, registry,
                storeOptions, leadership);
        tenure.start(storeOptions);
    }

    /**
     * Stopping, first thing on SIGTERM (after the listeners that still write, such as agents
     * signing off): no new contacts, readiness down; once what was accepted is stored, the lease
     * is released, so a standby takes over at once while this process finishes its requests.
     */
    void stopping(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownDelayInitiatedEvent event)
            throws InterruptedException, ExecutionException, TimeoutException {
        stopping = true;
        if (tenure != null) {
            tenure.handOver();
        }
    }

    /** Stopped, once the requests in flight have finished: the journal's connection and the threads end. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        stopping = true;
        if (tenure == null) {
            return;
        }
        tenure.handOver();
        tenure.close();
    }

    /** The server is stopping: it finishes what it took and takes no new contacts. */
    public boolean stopping() {
        return stopping;
    }

    /** Whether this process holds the routing lease (it may still be rebuilding). */
    public boolean leading() {
        return leadership.leading();
    }

    /** Ready while it holds the lease, once restored, while the store takes writes and the router agrees with it. */
    public boolean ready() {
        return tenure != null && tenure.routing() && !stopping;
    }

    /** What a request to a standby gets: 503, to retry (through the Service, the leader). */
    public StoreUnavailable standingBy() {
        return Tenure.standingBy(journalConfig);
    }

    /** The clock the router decides by; safe anywhere. */
    public InstantSource clock() {
        return clock;
    }

    /** Runs work on the routing context, handing it the {@link Board}, and answers on the caller's context. */
    public <T> Uni<T> onLoop(Function<Board, Uni<T>> work) {
        Context caller = Vertx.currentContext();
        Tenure current = tenure;
        return Uni.createFrom().emitter(emitter -> current.loop().runOnContext(ignored -> {
            try {
                work.apply(current.board()).subscribe().with(
                        item -> answer(caller, () -> emitter.complete(item)),
                        failure -> answer(caller, () -> emitter.fail(failure)));
            } catch (RuntimeException e) {
                answer(caller, () -> emitter.fail(e));
            }
        }));
    }

    /** One hop back to the caller's context, if it had one. */
    private static void answer(Context caller, Runnable answer) {
        if (caller == null) {
            answer.run();
        } else {
            caller.runOnContext(ignored -> answer.run());
        }
    }
}
