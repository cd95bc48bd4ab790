package io.welcomer.ops;

import io.welcomer.switchboard.RoutingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this process holds the routing lease and has rebuilt its state from the store (the
 * database check comes with the datasource). A standby is live and not ready, so the Service
 * sends traffic only to the leader; its role is in the data.
 */
@Readiness
@ApplicationScoped
public class RoutingStateLoaded implements HealthCheck {

    private final RoutingLoop loop;

    RoutingStateLoaded(RoutingLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("routing state loaded").status(loop.ready())
                .withData("role", loop.leading() ? "leader" : "standby").build();
    }
}
