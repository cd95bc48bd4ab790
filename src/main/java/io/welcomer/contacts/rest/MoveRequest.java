package io.welcomer.contacts.rest;

import io.welcomer.problems.PlainText;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.MoveTarget;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/contacts/{id}/move}: {@code {"to": {"agentId": "b"}}} or
 * {@code {"to": {"line": "general"}}}.
 */
public record MoveRequest(@NotNull @Valid Destination to) {

    /** The agent or the line the contact goes to: one of them. */
    public record Destination(@Size(max = 64) @PlainText String agentId, @Size(max = 64) @PlainText String line) {

        /** Where the move sends the contact; a 400 naming the field unless exactly one is given. */
        MoveTarget target() {
            boolean agent = agentId != null && !agentId.isBlank();
            boolean toLine = line != null && !line.isBlank();
            if (agent && toLine) {
                throw ProblemException.invalidField("to.line", "name an agent or a line, not both");
            }
            if (toLine) {
                return new MoveTarget.ToLine(line);
            }
            if (!agent) {
                throw ProblemException.invalidField("to.agentId", "name the agent (to.agentId) or the line (to.line)");
            }
            return new MoveTarget.ToAgent(agentId);
        }
    }
}
