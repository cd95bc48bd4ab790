package io.welcomer.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.switchboard.Committed;
import io.welcomer.switchboard.DecisionListener;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code welcomer_supervisor_actions_total{action}}: supervisors' actions on the floor, once stored. */
@ApplicationScoped
public class SupervisorActionMetrics implements DecisionListener {

    private final MeterRegistry registry;

    SupervisorActionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void committed(Committed committed) {
        String action = switch (committed.command()) {
            case Command.SendAway c -> "presence";
            case Command.SignOut c -> "sign-out";
            case Command.MoveContact c -> "move";
            case Command.ChangePriority c -> "priority";
            default -> null;
        };
        if (action != null && committed.decisions().stream().noneMatch(Decision.Refused.class::isInstance)) {
            Counter.builder("welcomer.supervisor.actions")
                    .description("Supervisors' actions: agents set away or signed out, contacts moved or re-prioritised")
                    .tag("action", action)
                    .register(registry)
                    .increment();
        }
    }
}
