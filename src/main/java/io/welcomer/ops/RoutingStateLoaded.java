package io.welcomer.ops;

import io.welcomer.switchboard.Switchboard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the router has rebuilt its state from the store; the database check comes with the datasource. */
@Readiness
@ApplicationScoped
public class RoutingStateLoaded implements HealthCheck {

    private final Switchboard switchboard;

    RoutingStateLoaded(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("routing state loaded").status(switchboard.ready()).build();
    }
}
