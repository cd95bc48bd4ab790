package io.welcomer.routing;

/** Where a supervisor moves a contact. */
public sealed interface MoveTarget {

    /** To this agent: offered to it first when it has room, whatever skills the contact asks for. */
    record ToAgent(String agentId) implements MoveTarget {}
}
