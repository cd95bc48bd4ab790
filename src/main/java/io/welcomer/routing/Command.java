package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;

/** Everything that can happen to the router; each is handled to completion, one at a time. */
public sealed interface Command {

    /** An agent profile is created or replaced. */
    record RegisterAgent(AgentProfile profile) implements Command {}

    /** The agent is deleted: signed out, its offers and contacts routed elsewhere. */
    record RemoveAgent(String agentId) implements Command {}

    /** The agent opened a session; it starts AWAY. */
    record ConnectAgent(String agentId) implements Command {}

    /** The agent's session closed; it is OFFLINE. */
    record DisconnectAgent(String agentId) implements Command {}

    /** The agent takes contacts. */
    record MakeAvailable(String agentId) implements Command {}

    /**
     * The agent takes no new contacts, for a reason from the rules' list (null: none given).
     * After current: it keeps what it holds and is away once the last of it ends.
     */
    record StepAway(String agentId, String reason, boolean afterCurrent) implements Command {
        public StepAway(String agentId, String reason) {
            this(agentId, reason, false);
        }
    }

    /**
     * A supervisor sets the agent away, now or after its current contacts, as if the agent had
     * said so; {@code by} names the supervisor, and the agent's presence says so until it changes it.
     */
    record SendAway(String agentId, String reason, boolean afterCurrent, String by) implements Command {}

    /**
     * A supervisor signs the agent out: its session ends as if it had dropped (offers back to the
     * line, connected contacts wait for the reconnect grace); the profile stays.
     */
    record SignOut(String agentId, String by) implements Command {}

    /**
     * A supervisor moves a waiting or offered contact: an offer is revoked, the contact keeps its
     * place by arrival and, moved to an agent, is offered to that agent first when it has room;
     * moved to a line, it needs what that line asks.
     */
    record MoveContact(String contactId, MoveTarget to, String by) implements Command {}

    /** A supervisor changes a waiting contact's priority (0-100); it keeps its arrival. */
    record ChangePriority(String contactId, int priority, String by) implements Command {}

    /** A line is configured, or its configuration replaced. */
    record ConfigureLine(Line line) implements Command {}

    /** A line is removed; refused while contacts are in it, or another line overflows into it. */
    record RemoveLine(String lineId) implements Command {}

    /** A customer reached out. */
    record ArriveContact(ContactRequest request) implements Command {}

    record AcceptOffer(String agentId, String contactId) implements Command {}

    record RejectOffer(String agentId, String contactId) implements Command {}

    /** The conversation is over: the contact is wrapped up, its agent keeps the slot until it completes. */
    record EndContact(String agentId, String contactId) implements Command {}

    /** Ends (if still connected) and completes the contact with its outcome. */
    record CompleteContact(String agentId, String contactId, Outcome outcome) implements Command {}

    /** The owner hands the contact on: warm to a named agent, cold to a line. */
    record TransferContact(String agentId, String contactId, TransferTarget target, String note)
            implements Command {}

    /** The owner withdraws a warm transfer that has not been accepted yet. */
    record CancelTransfer(String agentId, String contactId) implements Command {}

    /**
     * The agent promises to contact the customer again at {@code at}: a new contact with the given
     * id, offered to this agent first. {@code number} (to dial) and {@code note} are the agent's,
     * kept with the promise and not routed on; either may be null.
     */
    record ScheduleFollowUp(String agentId, String contactId, String followUpId, Instant at, String number,
                            String note) implements Command {}

    /**
     * The waiting customer hangs up and is called back on {@code number} when an agent accepts,
     * keeping their place. The number is kept with the contact, not routed on.
     */
    record RequestCallback(String contactId, String number) implements Command {}

    /** The customer hung up or closed the chat. */
    record CustomerLeave(String contactId) implements Command {}

    /** Time passed: fire every deadline (offer expiry, reconnect grace, a line's opening or closing) that is due. */
    record Tick() implements Command {}

    /** A follow-up promised before a restart and not yet due. */
    record RestoreFollowUp(FollowUp followUp) implements Command {}

    /** The customer was last connected to this agent at this time (a restart remembers it). */
    record RestoreRelationship(String customerId, String agentId, Instant connectedAt) implements Command {}

    /**
     * A wait in line {@code lineId} that ended at {@code at}, as the store holds it: answered
     * (within the line's target or not) or abandoned. A restart counts them again for the line's
     * service level today; restore them after the lines, oldest first.
     */
    record RestoreWaitEnded(String lineId, Instant at, boolean answered, boolean withinTarget) implements Command {}

    /**
     * The newest contact the store holds arrived as {@code lastSeq} at {@code lastArrivedAt}: later
     * arrivals come after it in both, across restarts and takeovers.
     */
    record ResumeArrivals(long lastSeq, Instant lastArrivedAt) implements Command {}

    /**
     * The customer's data is being erased: routing forgets who served them. Refused while the
     * customer has a live contact or a follow-up not yet due.
     */
    record ForgetCustomer(String customerId) implements Command {}

    /**
     * A contact that was live when the server stopped, as the store holds it. Restore agents
     * first; restore contacts in arrival order. An OFFERED contact waits again in its place; a
     * CONNECTED one stays with its agent for the reconnect grace, a WRAPPING one too.
     *
     * @param touched   a CONNECTED or waiting contact's touch time over its earlier legs (before its
     *                  last transfer or requeue); a WRAPPING one's whole touch time
     * @param wrappedAt when a WRAPPING contact's conversation ended (null if the store does not say)
     */
    record RestoreContact(ContactRequest request, long seq, Instant arrivedAt, ContactState state,
                          String agentId, Instant connectedAt, boolean callback, Duration touched,
                          Instant wrappedAt) implements Command {

        /** A contact never transferred and not in wrap-up. */
        public RestoreContact(ContactRequest request, long seq, Instant arrivedAt, ContactState state,
                              String agentId, Instant connectedAt, boolean callback) {
            this(request, seq, arrivedAt, state, agentId, connectedAt, callback, Duration.ZERO, null);
        }
    }
}
