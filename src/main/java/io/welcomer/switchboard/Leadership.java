package io.welcomer.switchboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * This process's standing in the routing lease: the {@link Lease} it bids with, whether it leads
 * and with which epoch, and the measures of it ({@code welcomer_leader},
 * {@code welcomer_lease_epoch}, {@code welcomer_failover_seconds}). What winning and losing mean
 * for routing is the {@link RoutingLoop}'s to decide.
 */
final class Leadership {

    private static final Logger LOG = Logger.getLogger(Leadership.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The only domain until routing domains partition the data: contacts and agents have none. */
    static final String DEFAULT_DOMAIN = "default";

    private final LeaseConfig config;
    private final Timer failovers;
    private final CompletableFuture<Void> firstTakeover = new CompletableFuture<>();
    private Lease lease;
    private volatile boolean leading;
    private volatile long epoch;
    // On the routing context: when the takeover under way began.
    private long takeoverStarted;

    Leadership(LeaseConfig config, MeterRegistry registry) {
        if (!DEFAULT_DOMAIN.equals(config.domain())) {
            // Contacts and agents carry no domain and a rebuild loads all of them: two domains on
            // one database would both route the same contacts.
            throw new IllegalStateException("refusing to start: welcomer.lease.domain is '" + config.domain()
                    + "', but routing domains do not partition contacts and agents yet, so two domains on one"
                    + " database would route the same contacts; leave it at '" + DEFAULT_DOMAIN
                    + "' and give each routing domain a database of its own");
        }
        this.config = config;
        registry.gauge("welcomer.leader", Tags.empty(), this, leadership -> leadership.leading ? 1 : 0);
        registry.gauge("welcomer.lease.epoch", Tags.empty(), this, leadership -> leadership.epoch);
        this.failovers = Timer.builder("welcomer.failover")
                .description("From taking the routing lease to ready: the routing state rebuilt from the store")
                .register(registry);
    }

    /**
     * Starts bidding on the lease's own context and connection. {@code won} and {@code lost} run
     * on the routing context. Answers the first bid's epoch; 0 when another process leads.
     */
    long start(Vertx vertx, Context leaseContext, Context routing, PgConnectOptions storeOptions, LongConsumer won,
               Consumer<String> lost, Duration bound) throws InterruptedException, ExecutionException, TimeoutException {
        PgConnectOptions options = new PgConnectOptions(storeOptions)
                .setMetricsName("welcomer-lease")
                .addProperty("application_name", "welcomer-lease")
                .addProperty("statement_timeout", Long.toString(config.renewEvery().toMillis()));
        lease = new Lease(vertx, leaseContext, routing, options, config, config.holder().orElseGet(Leadership::defaultHolder),
                wonEpoch -> {
                    takeoverStarted = System.nanoTime();
                    epoch = wonEpoch;
                    leading = true;
                    won.accept(wonEpoch);
                },
                why -> {
                    leading = false;
                    epoch = 0;
                    lost.accept(why);
                });
        long first = lease.start().toCompletionStage().toCompletableFuture().get(bound.toSeconds(), TimeUnit.SECONDS);
        if (first > 0) {
            firstTakeover.get(bound.toSeconds(), TimeUnit.SECONDS);
        } else {
            LOG.infof("standing by: another process holds the routing lease of %s", config.domain());
        }
        return first;
    }

    /** On the routing context, once the state is rebuilt after a takeover: routing from now on. */
    void routing() {
        if (takeoverStarted == 0) {
            return;
        }
        long took = System.nanoTime() - takeoverStarted;
        failovers.record(took, TimeUnit.NANOSECONDS);
        LOG.infof("routing for %s (epoch %d), %d ms after taking the lease", config.domain(), epoch,
                TimeUnit.NANOSECONDS.toMillis(took));
        takeoverStarted = 0;
        firstTakeover.complete(null);
    }

    /** The journal found this epoch fenced: another process holds the lease. */
    void fenced() {
        lease.fenced();
    }

    /** Stops leading and releases the lease with a NOTIFY, so a standby takes over at once. */
    void release() throws InterruptedException, ExecutionException, TimeoutException {
        leading = false;
        lease.release().toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS);
    }

    /** Whether this process holds the lease (it may still be rebuilding). */
    boolean leading() {
        return leading;
    }

    String domain() {
        return config.domain();
    }

    /** Unique per process: two processes on one host (or in two containers of one name) never share it. */
    static String defaultHolder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "welcomer";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt());
    }
}
