package io.welcomer.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The routing lease against the real database, in a domain of its own (the server's own lease
 * is left alone): one holder, a standby, a release answered at once, a takeover the old holder
 * notices, and the fence that refuses a deposed epoch's writes.
 */
@QuarkusTest
class LeaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    private final String domain = "lease-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** What a lease told its routing side: "won <epoch>" or "lost". */
    private final class Side {
        final BlockingQueue<String> told = new LinkedBlockingQueue<>();
        final Lease lease;

        Side(String holder) {
            VertxInternal internal = (VertxInternal) vertx;
            lease = new Lease(vertx, internal.createEventLoopContext(), internal.createEventLoopContext(), options(),
                    config(), holder, epoch -> told.add("won " + epoch), why -> told.add("lost"));
        }

        String next() throws InterruptedException {
            String said = told.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (said == null) {
                throw new AssertionError("the lease said nothing within " + WAIT);
            }
            return said;
        }
    }

    @Test
    void oneHoldsTheLeaseAndAReleaseIsTakenOverAtOnceWithAHigherEpoch() throws Exception {
        Side first = new Side("first");
        Side second = new Side("second");
        assertEquals(1L, first.lease.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals("won 1", first.next());
        assertEquals(0L, second.lease.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));

        long released = System.nanoTime();
        first.lease.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("won 2", second.next());
        // Answered by the NOTIFY, not by the next bid a second later.
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);
        assertTrue(tookMillis < 900, "the standby took " + tookMillis + " ms to take a released lease");
        second.lease.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverStepsDownAndItsEpochIsFenced() throws Exception {
        Side first = new Side("first");
        first.lease.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("won 1", first.next());
        try (Fence fence = new Fence()) {
            fence.check(1);

            // Another process took the lease over (as its bid does once the lease expired).
            fence.takeOver("elsewhere");
            assertEquals("lost", first.next());
            assertEquals("WLF01", fence.refusal(1));
            fence.check(2);
        }
        first.lease.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLiveHolderIsNeverDisplacedByAnotherProcessOfTheSameName() throws Exception {
        Side first = new Side("same");
        Side second = new Side("same");
        assertEquals(1L, first.lease.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals("won 1", first.next());

        assertEquals(0L, second.lease.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        // Several renewals and bids later, the first still holds its lease and the second stands by.
        assertNull(second.told.poll(1500, TimeUnit.MILLISECONDS), "the second took a live holder's lease");
        assertTrue(first.told.isEmpty(), "the first lost its lease: " + first.told);

        first.lease.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("won 2", second.next());
        second.lease.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRestartUnderTheSameNameTakesItsLeaseBackAtOnceOnlyOnceTheOldSessionIsGone() throws Exception {
        try (Fence fence = new Fence()) {
            // Held under "pod-0" by a live session (the fence's own): not taken back before it expires.
            fence.hold("pod-0", fence.session());
            Side restarted = new Side("pod-0");
            assertEquals(0L, restarted.lease.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            restarted.lease.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            // Held under "pod-0" by a session that is gone (the process was killed): taken back at once.
            fence.hold("pod-0", "2147483@1");
            Side again = new Side("pod-0");
            assertEquals(2L, again.lease.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            again.lease.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A plain connection to call the fence as the journal does, and to age the lease. */
    private final class Fence implements AutoCloseable {
        private final PgConnection connection;

        Fence() throws Exception {
            connection = PgConnection.connect(vertx, options()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        }

        void check(long epoch) throws Exception {
            connection.preparedQuery("select welcomer_fence($1, $2)").execute(Tuple.of(domain, epoch))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        String refusal(long epoch) throws Exception {
            try {
                check(epoch);
            } catch (Exception e) {
                return SqlStates.of(e);
            }
            throw new AssertionError("epoch " + epoch + " passed the fence");
        }

        String session() throws Exception {
            return connection.query("select welcomer_session()").execute().toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).iterator().next().getString(0);
        }

        /** The lease held at epoch 1 under this name and session, for 4 s more. */
        void hold(String holder, String session) throws Exception {
            connection.preparedQuery("insert into routing_lease (domain, holder, holder_session, epoch, expires_at)"
                            + " values ($1, $2, $3, 1, now() + interval '4 seconds') on conflict (domain) do update"
                            + " set holder = $2, holder_session = $3, epoch = 1, expires_at = now() + interval '4 seconds'")
                    .execute(Tuple.of(domain, holder, session)).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        }

        void takeOver(String holder) throws Exception {
            connection.preparedQuery("update routing_lease set holder = $2, epoch = epoch + 1,"
                            + " expires_at = now() + interval '4 seconds' where domain = $1")
                    .execute(Tuple.of(domain, holder)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    private PgConnectOptions options() {
        return PgConnectOptions.fromUri(url).setUser("postgres");
    }

    private LeaseConfig config() {
        return new FixedLeaseConfig(domain, Duration.ofMillis(200));
    }
}
