package io.welcomer.switchboard;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * One Vert.x timer for the router's next deadline, firing on the routing context: the router
 * keeps its deadlines in virtual time and only says which comes next. Touched on that context only.
 */
final class DeadlineTimer {

    private final Vertx vertx;
    private final Context loop;
    private final InstantSource clock;
    private final Runnable fire;
    private long timerId = -1;
    private Instant timerAt;

    DeadlineTimer(Vertx vertx, Context loop, InstantSource clock, Runnable fire) {
        this.vertx = vertx;
        this.loop = loop;
        this.clock = clock;
        this.fire = fire;
    }

    /** Fires at {@code next} unless the timer is already armed for that or earlier. */
    void arm(Instant next) {
        if (timerId >= 0 && !next.isBefore(timerAt)) {
            return;
        }
        cancel();
        timerAt = next;
        long delay = Math.max(1, Duration.between(clock.instant(), next).toMillis() + 1);
        timerId = vertx.setTimer(delay, id -> loop.runOnContext(ignored -> {
            timerId = -1;
            timerAt = null;
            fire.run();
        }));
    }

    void cancel() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
            timerAt = null;
        }
    }
}
