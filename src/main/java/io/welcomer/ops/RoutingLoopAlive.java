package io.welcomer.ops;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.welcomer.switchboard.RoutingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the routing loop answers: a store that is down makes the server unready, never
 * dead, since a restart would not bring the store back.
 */
@Liveness
@ApplicationScoped
public class RoutingLoopAlive implements AsyncHealthCheck {

    /** Far above any command's work on the loop, which never waits for I/O. */
    static final Duration BOUND = Duration.ofSeconds(5);

    private final RoutingLoop loop;

    RoutingLoopAlive(RoutingLoop loop) {
        this.loop = loop;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return loop.onLoop(board -> Uni.createFrom().item(true))
                .ifNoItem().after(BOUND).recoverWithItem(false)
                .map(alive -> HealthCheckResponse.named("routing loop answers").status(alive).build());
    }
}
