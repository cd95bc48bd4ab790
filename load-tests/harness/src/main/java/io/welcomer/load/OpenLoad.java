package io.welcomer.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * An open model: sends at a fixed rate whatever happened to earlier sends, each stamped with the
 * time it was meant to go out. A send that cannot start because too many are in flight is an
 * error, not a delay; so is one still unanswered when the grace after the duration ends. Stops
 * by itself.
 */
public final class OpenLoad {

    private static final int MAX_IN_FLIGHT = 20_000;
    private static final Duration GRACE = Duration.ofSeconds(10);

    private OpenLoad() {
    }

    /**
     * @param send given the intended send time (System.nanoTime), starts one send and completes
     *             when it succeeded (its latency is recorded by the caller or here, see measure)
     */
    public static Future<Void> run(Vertx vertx, double perSecond, Duration duration, Measure measure,
                                   LongFunction<Future<?>> send) {
        Promise<Void> done = Promise.promise();
        long start = System.nanoTime();
        long total = (long) (perSecond * duration.toNanos() / 1e9);
        AtomicLong issued = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            long due = Math.min(total, (long) ((now - start) * perSecond / 1e9) + 1);
            while (issued.get() < due) {
                long intended = start + (long) (issued.getAndIncrement() * 1e9 / perSecond);
                if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                    inFlight.decrementAndGet();
                    measure.error();
                    continue;
                }
                send.apply(intended).onComplete(result -> {
                    inFlight.decrementAndGet();
                    if (result.succeeded()) {
                        measure.record(System.nanoTime() - intended);
                    } else {
                        measure.error();
                    }
                });
            }
            boolean over = issued.get() >= total && (inFlight.get() == 0
                    || now - start > duration.toNanos() + GRACE.toNanos());
            if (over) {
                vertx.cancelTimer(timer);
                measure.errors(inFlight.get());
                done.tryComplete();
            }
        });
        return done.future();
    }
}
