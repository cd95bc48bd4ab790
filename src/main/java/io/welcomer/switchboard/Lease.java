package io.welcomer.switchboard;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * The routing lease of one domain, held in PostgreSQL and timed by its clock: the holder renews
 * it, a standby bids for it, a clean stop releases it with a NOTIFY so a standby bids at once.
 * A lease is taken before it expires only by a holder of the same name whose session that held
 * it is gone (a restart under a stable name), never from a live process.
 * The holder trusts its lease only until the last renewal's send time plus the duration minus the
 * safety margin, by its own monotonic clock; the journal's fence ({@code welcomer_fence}) stops a
 * deposed holder's writes whatever it believes. Runs on its own context and connection, so a busy
 * routing loop or journal never delays a renewal; tells the routing context when it won or lost.
 */
final class Lease {

    static final String CHANNEL = "welcomer_lease";

    static final String ACQUIRE = """
            insert into routing_lease (domain, holder, holder_session, epoch, expires_at)
            values ($1, $2, welcomer_session(), 1, now() + $3 * interval '1 millisecond')
            on conflict (domain) do update set holder = excluded.holder, holder_session = excluded.holder_session,
                epoch = routing_lease.epoch + 1, expires_at = excluded.expires_at
            where routing_lease.expires_at < now()
                or (routing_lease.holder = excluded.holder and not welcomer_session_alive(routing_lease.holder_session))
            returning epoch""";

    static final String RENEW = """
            update routing_lease set expires_at = now() + $4 * interval '1 millisecond',
                holder_session = welcomer_session()
            where domain = $1 and holder = $2 and epoch = $3
            returning epoch""";

    static final String RELEASE = """
            update routing_lease set expires_at = now() - interval '1 millisecond'
            where domain = $1 and holder = $2 and epoch = $3""";

    private static final Logger LOG = Logger.getLogger(Lease.class);

    private final Vertx vertx;
    private final Context context;
    private final Context routing;
    private final PgConnectOptions options;
    private final LeaseConfig config;
    private final String holder;
    private final LongConsumer won;
    private final Consumer<String> lost;

    // Touched only on the lease's own context.
    private PgConnection connection;
    private long epoch;
    private long trustedUntil;
    private long deadlineTimer = -1;
    private long tickTimer = -1;
    private boolean stopped;

    Lease(Vertx vertx, Context context, Context routing, PgConnectOptions options, LeaseConfig config, String holder,
          LongConsumer won, Consumer<String> lost) {
        this.vertx = vertx;
        this.context = context;
        this.routing = routing;
        this.options = options;
        this.config = config;
        this.holder = holder;
        this.won = won;
        this.lost = lost;
    }

    String holder() {
        return holder;
    }

    /** The first bid: answers the epoch won, or 0 if another process holds the lease. Then it keeps going. */
    Future<Long> start() {
        Promise<Long> first = Promise.promise();
        context.runOnContext(ignored -> bid().onComplete(result -> {
            first.complete(result.succeeded() ? result.result() : 0L);
            schedule();
        }));
        return first.future();
    }

    /** Stops renewing and releases the lease (if held), with a NOTIFY so a standby bids at once. */
    Future<Void> release() {
        Promise<Void> released = Promise.promise();
        context.runOnContext(ignored -> {
            stopped = true;
            vertx.cancelTimer(tickTimer);
            vertx.cancelTimer(deadlineTimer);
            if (epoch == 0 || connection == null) {
                closeConnection();
                released.complete();
                return;
            }
            long held = epoch;
            epoch = 0;
            PgConnection open = connection;
            Future.join(open.preparedQuery(RELEASE).execute(Tuple.of(config.domain(), holder, held)),
                            open.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(CHANNEL, config.domain())))
                    .onComplete(result -> {
                        LOG.infof("released the routing lease of %s (epoch %d)", config.domain(), held);
                        closeConnection();
                        released.complete();
                    });
        });
        return released.future();
    }

    private void schedule() {
        if (!stopped) {
            tickTimer = vertx.setTimer(config.renewEvery().toMillis(), id -> tick());
        }
    }

    private void tick() {
        (epoch > 0 ? renew() : bid().mapEmpty()).onComplete(ignored -> schedule());
    }

    /** Takes the lease if it expired, was released, or was this holder's; answers the epoch, or 0. */
    private Future<Long> bid() {
        if (stopped || epoch > 0) {
            return Future.succeededFuture(epoch);
        }
        long sent = System.nanoTime();
        return connection()
                .compose(conn -> conn.preparedQuery(ACQUIRE)
                        .execute(Tuple.of(config.domain(), holder, config.duration().toMillis())))
                .map(rows -> {
                    if (rows.rowCount() == 0 || stopped) {
                        return 0L;
                    }
                    epoch = rows.iterator().next().getLong("epoch");
                    trust(sent);
                    LOG.infof("took the routing lease of %s: epoch %d, holder %s", config.domain(), epoch, holder);
                    long taken = epoch;
                    routing.runOnContext(ignored -> won.accept(taken));
                    return taken;
                })
                .otherwise(failure -> {
                    closeConnection();
                    return 0L;
                });
    }

    private Future<Void> renew() {
        long sent = System.nanoTime();
        long held = epoch;
        return connection()
                .compose(conn -> conn.preparedQuery(RENEW)
                        .execute(Tuple.of(config.domain(), holder, held, config.duration().toMillis())))
                .<Void>map(rows -> {
                    if (epoch != held) {
                        return null;
                    }
                    if (rows.rowCount() == 1) {
                        trust(sent);
                    } else {
                        lose("another process took the routing lease over");
                    }
                    return null;
                })
                .otherwise(failure -> {
                    // Not renewed: trusted until the deadline set by the last renewal, no longer.
                    closeConnection();
                    return null;
                });
    }

    /** Trusted until the renewal's send time plus the duration minus the margin; then it steps down. */
    private void trust(long sentNanos) {
        trustedUntil = sentNanos + config.duration().minus(config.safetyMargin()).toNanos();
        vertx.cancelTimer(deadlineTimer);
        long delay = Math.max(1, TimeUnit.NANOSECONDS.toMillis(trustedUntil - System.nanoTime()));
        deadlineTimer = vertx.setTimer(delay, id -> {
            if (epoch > 0 && System.nanoTime() - trustedUntil >= 0) {
                lose("the routing lease was not renewed in time");
            }
        });
    }

    /** The journal found the epoch fenced: another process holds the lease. */
    void fenced() {
        context.runOnContext(ignored -> {
            if (epoch > 0) {
                lose("a write was fenced: another process holds the routing lease");
            }
        });
    }

    private void lose(String why) {
        LOG.warnf("stepping down from the routing lease of %s (epoch %d): %s", config.domain(), epoch, why);
        epoch = 0;
        vertx.cancelTimer(deadlineTimer);
        routing.runOnContext(ignored -> lost.accept(why));
    }

    private Future<PgConnection> connection() {
        if (connection != null) {
            return Future.succeededFuture(connection);
        }
        return PgConnection.connect(vertx, options).compose(opened -> {
            connection = opened;
            opened.closeHandler(ignored -> {
                if (connection == opened) {
                    connection = null;
                }
            });
            // A released lease is bid for at once rather than at the next tick.
            opened.notificationHandler(notification -> {
                if (config.domain().equals(notification.getPayload())) {
                    bid();
                }
            });
            return opened.query("listen " + CHANNEL).execute().map(opened);
        });
    }

    private void closeConnection() {
        PgConnection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }
}
