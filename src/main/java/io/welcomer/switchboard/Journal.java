package io.welcomer.switchboard;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The durable write path: natural group commit on the reactive PostgreSQL client, on its own
 * event loop and its own pipelined connection, so the routing context only decides. While one
 * flush is in flight, the writes of every command handled meanwhile wait and all go into the
 * next: one transaction, one multi-row statement per table and kind ({@link Statements}), sent
 * in one pipeline. A lone command waits for nothing; under load the batch grows with the load.
 *
 * <p>Each command's callback runs on the routing context, in order, once its writes are
 * committed or have failed. A flush that fails on its data (SQLSTATE class 22 or 23) is split
 * until the culprit is alone: only the culprit fails. Any other failure is retried within the
 * flush deadline; past it the flush fails for good, and the journal refuses writes until the
 * routing loop, rebuilt from the store, resumes it.
 */
final class Journal {

    private static final Logger LOG = Logger.getLogger(Journal.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final String FENCE = "select welcomer_fence($1, $2)";

    /** The writes of one command and what to do once they are stored (null) or failed (the cause). */
    static final class Entry {
        final List<Write> writes;
        final Consumer<Throwable> done;
        private boolean settled;

        Entry(List<Write> writes, Consumer<Throwable> done) {
            this.writes = writes;
            this.done = done;
        }
    }

    private final Vertx vertx;
    private final Context context;
    private final Context routing;
    private final PgConnectOptions options;
    private final JournalConfig config;
    private final DistributionSummary batchSizes;
    private final Timer flushTimes;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Runnable onFenced;
    private volatile boolean refusing = true;
    private volatile String fenceDomain;
    private volatile long fenceEpoch;

    // Touched only on the journal's own context.
    private PgConnection connection;
    private List<Entry> pending = new ArrayList<>();
    private boolean flushing;
    private boolean scheduled;

    /** The journal's connection to {@code store}: pipelined, its statements prepared once and bounded in time. */
    static PgConnectOptions connectOptions(PgConnectOptions store, JournalConfig config) {
        return new PgConnectOptions(store)
                .setPipeliningLimit(256)
                .setConnectTimeout((int) config.flushDeadline().toMillis())
                .setCachePreparedStatements(true)
                .setMetricsName("welcomer-journal")
                .addProperty("application_name", "welcomer-journal")
                .addProperty("statement_timeout", Long.toString(config.statementTimeout().toMillis()))
                // Every statement finds its rows by key. A plan made while the contacts table
                // looked small (a new database, statistics not gathered yet) would read all of it
                // for each flush's update, and go on doing so as it grows.
                .addProperty("enable_seqscan", "off");
    }

    /** {@code context} is the journal's own: its work never waits behind routing's or a request's. */
    Journal(Vertx vertx, Context context, Context routing, PgConnectOptions options, JournalConfig config,
            MeterRegistry registry, Runnable onFenced) {
        this.vertx = vertx;
        this.onFenced = onFenced;
        this.context = context;
        this.routing = routing;
        this.options = options;
        this.config = config;
        this.batchSizes = DistributionSummary.builder("welcomer.journal.batch.size")
                .description("Commands stored per journal flush (one transaction)")
                .publishPercentileHistogram()
                .register(registry);
        this.flushTimes = Timer.builder("welcomer.journal.flush.duration")
                .description("One journal flush, from taking the batch to its commit or failure")
                .publishPercentileHistogram()
                .register(registry);
        registry.gauge("welcomer.journal.pending", outstanding);
    }

    /** Whether a new command may be decided now: the store takes writes and not too many wait. */
    boolean accepting() {
        return !refusing && outstanding.get() < config.maxPending();
    }

    boolean refusing() {
        return refusing;
    }

    /** Why {@link #accepting} is false, for the caller to answer 503. */
    StoreUnavailable unavailable() {
        return new StoreUnavailable(refusing ? "the store cannot take writes now; retry later"
                : "too many writes wait for the store; retry later", config.retryAfter(), null);
    }

    /** Called on the routing context; the entry's callback comes back there. */
    void append(Entry entry) {
        outstanding.incrementAndGet();
        context.runOnContext(ignored -> {
            if (refusing) {
                settle(List.of(entry), unavailable());
                return;
            }
            pending.add(entry);
            // After the appends already queued here, so a burst goes into one flush.
            if (!flushing && !scheduled) {
                scheduled = true;
                context.runOnContext(next -> flush());
            }
        });
    }

    /** New writes fail at once (the loop is rebuilding); those already taken are still written. */
    void refuse() {
        refusing = true;
    }

    /** The routing loop agrees with the store again: writes are taken again. */
    void resume() {
        refusing = false;
    }

    /** From now on every transaction first checks that this epoch still holds the domain's lease. */
    void fence(String domain, long epoch) {
        fenceDomain = domain;
        fenceEpoch = epoch;
    }

    /** Reaches the store on the journal's connection; the callback runs on the routing context. */
    void probe(Consumer<Throwable> done) {
        context.runOnContext(ignored -> connection().compose(conn -> conn.query("select 1").execute())
                .onComplete(result -> {
                    if (result.failed()) {
                        dropConnection();
                    }
                    routing.runOnContext(back -> done.accept(result.cause()));
                }));
    }

    /** Closes the journal's connection, on its own context (call once nothing is outstanding). */
    Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(ignored -> {
            PgConnection open = connection;
            connection = null;
            if (open == null) {
                closed.complete();
            } else {
                open.close().onComplete(closed);
            }
        });
        return closed.future();
    }

    /** Writes taken and not settled yet. */
    int outstanding() {
        return outstanding.get();
    }

    private void flush() {
        scheduled = false;
        if (flushing || pending.isEmpty()) {
            return;
        }
        List<Entry> batch = pending;
        pending = new ArrayList<>();
        flushing = true;
        long started = System.nanoTime();
        long deadline = started + config.flushDeadline().toNanos();
        // Past the deadline the connection is dropped: whatever is in flight fails at once.
        long expiry = vertx.setTimer(config.flushDeadline().toMillis(), id -> dropConnection());
        attempt(batch, 0, deadline).onComplete(result -> {
            vertx.cancelTimer(expiry);
            batchSizes.record(batch.size());
            flushTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (result.failed()) {
                failForGood(batch, result.cause());
            }
            flushing = false;
            flush();
        });
    }

    private Future<Void> attempt(List<Entry> batch, int retry, long deadline) {
        return write(batch).recover(failure -> {
            if (SqlStates.isFenced(failure)) {
                onFenced.run();
                return Future.failedFuture(new Fenced(config.retryAfter(), failure));
            }
            if (SqlStates.isBadData(failure)) {
                return batch.size() == 1 ? refuse(batch, failure) : split(batch);
            }
            dropConnection();
            long backoff = FIRST_BACKOFF_MILLIS << retry;
            if (retry >= config.retries() || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) >= deadline) {
                return Future.failedFuture(failure);
            }
            LOG.warnf("store write failed (%s), retrying in %d ms", failure.toString(), backoff);
            Promise<Void> retried = Promise.promise();
            vertx.setTimer(backoff, id -> attempt(batch, retry + 1, deadline).onComplete(retried));
            return retried.future();
        });
    }

    /** A data or constraint error: halves are written apart until the culprit is alone. */
    private Future<Void> split(List<Entry> entries) {
        int middle = entries.size() / 2;
        return bisect(entries.subList(0, middle)).compose(ignored -> bisect(entries.subList(middle, entries.size())));
    }

    private Future<Void> bisect(List<Entry> entries) {
        return write(entries).recover(failure -> {
            if (!SqlStates.isBadData(failure)) {
                return Future.failedFuture(failure);
            }
            return entries.size() == 1 ? refuse(entries, failure) : split(entries);
        });
    }

    private Future<Void> refuse(List<Entry> culprit, Throwable failure) {
        LOG.warnf("store refused a command's values: %s", failure.getMessage());
        settle(culprit, new StoreRefused(failure));
        return Future.succeededFuture();
    }

    /** One transaction in one pipeline; settles the entries if it commits. */
    private Future<Void> write(List<Entry> entries) {
        List<Write> writes = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.settled) {
                writes.addAll(entry.writes);
            }
        }
        List<Statements.Statement> statements = Statements.of(writes);
        if (statements.isEmpty()) {
            settle(entries, null);
            return Future.succeededFuture();
        }
        return connection().compose(conn -> {
            List<Future<?>> results = new ArrayList<>(statements.size() + 2);
            results.add(conn.query("begin").execute());
            // First in the transaction: a deposed leader's transaction fails here, and rolls back.
            results.add(conn.preparedQuery(FENCE).execute(Tuple.of(fenceDomain, fenceEpoch)));
            for (Statements.Statement statement : statements) {
                results.add(conn.preparedQuery(statement.sql()).execute(statement.params()));
            }
            // After a failed statement PostgreSQL turns this commit into a rollback.
            results.add(conn.query("commit").execute());
            return Future.join(results).transform(done -> firstFailure(results));
        }).onSuccess(ignored -> settle(entries, null));
    }

    private static Future<Void> firstFailure(List<Future<?>> results) {
        for (Future<?> result : results) {
            if (result.failed()) {
                return Future.failedFuture(result.cause());
            }
        }
        return Future.succeededFuture();
    }

    private void failForGood(List<Entry> batch, Throwable failure) {
        LOG.errorf("store write failed for good: %s", failure.toString());
        refusing = true;
        StoreUnavailable unavailable = failure instanceof Fenced fenced ? fenced
                : new StoreUnavailable("the store did not take the write in time; retry later", config.retryAfter(), failure);
        settle(batch, unavailable);
        settle(pending, unavailable);
        pending = new ArrayList<>();
    }

    /** Marks entries settled and runs their callbacks on the routing context, in order. */
    private void settle(List<Entry> entries, Throwable failure) {
        List<Entry> settling = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (!entry.settled) {
                entry.settled = true;
                settling.add(entry);
            }
        }
        if (settling.isEmpty()) {
            return;
        }
        outstanding.addAndGet(-settling.size());
        routing.runOnContext(ignored -> settling.forEach(entry -> entry.done.accept(failure)));
    }

    private Future<PgConnection> connection() {
        if (connection != null) {
            return Future.succeededFuture(connection);
        }
        return PgConnection.connect(vertx, options).onSuccess(opened -> {
            connection = opened;
            opened.closeHandler(ignored -> {
                if (connection == opened) {
                    connection = null;
                }
            });
        });
    }

    private void dropConnection() {
        PgConnection dropped = connection;
        connection = null;
        if (dropped != null) {
            dropped.close();
        }
    }
}
