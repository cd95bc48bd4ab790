package io.welcomer.simulation.rest;

import io.welcomer.simulation.Scenario;
import io.welcomer.simulation.Staffing;
import io.welcomer.simulation.rest.ScenarioBody.ProfileBody;
import io.welcomer.simulation.rest.ScenarioBody.StreamBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A staffing question: a scenario whose agents all share one {@code agent} profile, and a target,
 * either a service level or a maximum abandon rate. The answer is how many such agents it takes.
 */
public record StaffingBody(
        Long seed,
        @NotNull @Positive @DecimalMax("100000") Double hours,
        @DecimalMin("0") @DecimalMax("1000") Double warmUpHours,
        @NotNull @Valid ProfileBody agent,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid StreamBody> arrivals,
        @NotNull @Valid TargetBody target) {

    public record TargetBody(@Valid ServiceLevelBody serviceLevel,
                             @Positive @DecimalMax("1") Double maxAbandonRate) {

        @AssertTrue(message = "must name exactly one of serviceLevel and maxAbandonRate")
        public boolean isOneTarget() {
            return (serviceLevel == null) != (maxAbandonRate == null);
        }

        public Staffing.Target toTarget() {
            return serviceLevel != null
                    ? new Staffing.Target.ServiceLevel(serviceLevel.seconds(), serviceLevel.target())
                    : new Staffing.Target.MaxAbandonRate(maxAbandonRate);
        }
    }

    /** At least {@code target} (between 0 and 1) of the contacts connected within {@code seconds}. */
    public record ServiceLevelBody(@NotNull @Positive @Max(86_400) Integer seconds,
                                   @NotNull @Positive @DecimalMax(value = "1", inclusive = false) Double target) {}

    /** The scenario with one agent of the profile; staffing varies the count. */
    public Scenario toScenario() {
        return ScenarioBody.scenario(seed, hours, warmUpHours, List.of(agent.toGroup(1)), arrivals, null);
    }
}
