package io.welcomer.ops;

import io.welcomer.switchboard.RoutingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the router has rebuilt its state from the store; the database check comes with the datasource. */
@Readiness
@ApplicationScoped
public class RoutingStateLoaded implements HealthCheck {

    private final RoutingLoop loop;

    RoutingStateLoaded(RoutingLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("routing state loaded").status(loop.ready()).build();
    }
}
