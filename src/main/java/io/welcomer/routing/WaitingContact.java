package io.welcomer.routing;

import java.time.Instant;

/**
 * A contact waiting for an agent, as a supervisor sees it on the floor.
 *
 * @param line       the configured line it waits in; null for an implicit line
 * @param waitingFor the one agent it waits for (a due follow-up's, or the agent a supervisor moved it to); null: anyone eligible
 */
public record WaitingContact(String contactId, Channel channel, String line, int priority, Instant arrivedAt,
                             boolean callback, String waitingFor) {
}
