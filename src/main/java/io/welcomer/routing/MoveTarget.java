package io.welcomer.routing;

/** Where a supervisor moves a contact: to an agent, or to a configured line. */
public sealed interface MoveTarget {

    /** Offered to this agent first when it has room, whatever skills and language the contact asks for. */
    record ToAgent(String agentId) implements MoveTarget {}

    /**
     * Waits in this line for what the line asks: the contact's own skills are dropped for the
     * line's, its language and priority stay.
     */
    record ToLine(String lineId) implements MoveTarget {}
}
