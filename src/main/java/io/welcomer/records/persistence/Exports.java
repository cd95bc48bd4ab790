package io.welcomer.records.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.welcomer.problems.ProblemException;
import io.welcomer.records.RecordsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Long reads streamed to a client: each on its own connection of a small pool apart from the one
 * requests and offers read through, so an export never starves them. A query runs as a cursor in
 * a read-only transaction, fetched a few rows at a time as the client takes them, and no faster
 * than {@code welcomer.records.export-rate}: an export shares the machine with the intake, whose
 * latency matters more than the export's.
 */
@ApplicationScoped
class Exports {

    /**
     * Rows per fetch, and per write to the client: few enough that memory stays flat and a write
     * is small, many enough that the cost of a write is shared by a hundred records.
     */
    private static final int FETCH = 100;
    private static final int RETRY_AFTER_SECONDS = 5;

    private final Pool pool;
    private final int max;
    private final int rate;
    private final AtomicInteger running = new AtomicInteger();

    Exports(Vertx vertx, RecordsConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user)
                .setMetricsName("welcomer-records")
                .addProperty("application_name", "welcomer-records")
                // A client that stops reading holds a transaction open; past this it loses the export.
                .addProperty("idle_in_transaction_session_timeout",
                        Long.toString(config.exportIdleTimeout().toMillis()));
        password.ifPresent(options::setPassword);
        this.max = config.maxExports();
        this.rate = config.exportRate();
        this.pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(max).setName("welcomer-records"))
                .connectingTo(options)
                .using(vertx)
                .build();
    }

    /**
     * {@code first}, then the rows of the query a fetch at a time, each fetch as {@code each} writes
     * it, once a connection is open: a 503 with Retry-After, before anything is sent, when the
     * exports allowed are all running. A fetch is written on a worker thread, never on the event
     * loop it was read on: that loop serves other requests (the intake's), and a fetch's hundred
     * records take it a millisecond or two to write.
     */
    <T> Multi<T> stream(String sql, Tuple params, List<T> first, Function<List<Row>, T> each) {
        return Multi.createFrom().resourceFromUni(this::open,
                        reading -> Multi.createBy().concatenating().streams(Multi.createFrom().iterable(first),
                                reading.connection().prepare(sql).onItem().transformToMulti(statement ->
                                        paced(statement.cursor(params))
                                                .emitOn(Infrastructure.getDefaultWorkerPool())
                                                .map(each))))
                .withFinalizer(this::close);
    }

    /**
     * The cursor's rows, {@code FETCH} at a time, each fetch when the client has taken the last
     * one and not before the pace allows: back-pressured by the socket and bounded by the rate.
     * The last fetch may come back empty (the rows ran out at a fetch's end); it is left out.
     */
    private Multi<List<Row>> paced(Cursor cursor) {
        ExportPace pace = new ExportPace(rate, FETCH);
        return Multi.createBy().repeating()
                .uni(() -> waited(pace.untilNext(System.nanoTime())).chain(() -> cursor.read(FETCH)))
                .whilst(rows -> cursor.hasMore())
                .map(Exports::list)
                .select().where(rows -> !rows.isEmpty());
    }

    private static List<Row> list(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>(rows.size());
        rows.forEach(list::add);
        return list;
    }

    private static Uni<Void> waited(Duration wait) {
        return wait.isZero() ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    private Uni<Reading> open() {
        if (running.incrementAndGet() > max) {
            running.decrementAndGet();
            return Uni.createFrom().failure(ProblemException.unavailable(
                    max + " exports are running, as many as allowed; retry later", RETRY_AFTER_SECONDS));
        }
        return pool.getConnection()
                .chain(connection -> connection.begin()
                        .onFailure().call(failure -> connection.close())
                        .map(transaction -> new Reading(connection, transaction)))
                .onFailure().invoke(running::decrementAndGet);
    }

    /** Done, failed or cut by the client: the transaction ends and the connection goes back at once. */
    private Uni<Void> close(Reading reading) {
        return reading.transaction().rollback()
                .onFailure().recoverWithNull()
                .eventually(() -> reading.connection().close())
                .eventually(() -> { running.decrementAndGet(); })
                .replaceWithVoid();
    }

    @PreDestroy
    void stop() {
        pool.closeAndAwait();
    }

    private record Reading(SqlConnection connection, Transaction transaction) {}
}
