package io.welcomer.agents.rest;

import io.welcomer.problems.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/agents/{id}/presence}: a supervisor sets the agent away, now or
 * after its current contacts, with one of the configured reasons (optional). Only the agent
 * makes itself available.
 */
public record PresenceRequest(
        @NotNull @Pattern(regexp = "AWAY", message = "must be AWAY: a supervisor sets an agent away; only the agent"
                + " makes itself available") String presence,
        @Size(max = 64) @PlainText String reason,
        Boolean afterCurrent) {
}
