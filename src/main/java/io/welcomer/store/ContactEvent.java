package io.welcomer.store;

import java.time.Instant;
import java.util.Map;

/**
 * One state change of a contact, appended to the durable log and never changed.
 *
 * @param id             its place in the log, which a gateway's event stream resumes from
 * @param callbackNumber on {@code contact.connected} of a callback: the number for the gateway to dial
 * @param fromAgentId    on {@code contact.transferred}: the agent who handed it on ({@code agentId} took it)
 * @param transferMode   on {@code contact.transferred}: warm or cold
 * @param followUpId     on {@code contact.follow-up-scheduled}: the follow-up, its contact's id to be
 * @param dueAt          on {@code contact.follow-up-scheduled}: when it is due
 * @param reason         on {@code contact.requeued} after an offer: why the offer ended (rejected, timeout, agent-gone)
 * @param actor          on {@code contact.moved}: the supervisor who moved it ({@code agentId} is where
 *                       to, when it was moved to an agent)
 * @param line           on {@code contact.moved} to a line: that line
 * @param overflow       on {@code contact.overflowed}: from which line, to what, at which step
 */
public record ContactEvent(long id, String contactId, String gatewayId, String type, String state, String agentId,
                           Instant at, String callbackNumber, String fromAgentId, String transferMode,
                           String followUpId, Instant dueAt, String reason, String actor, String line,
                           Overflow overflow) {

    /**
     * A waiting contact reached overflow step {@code step} (1-based) of line {@code from}: the agents
     * of line {@code toLine}, or those with {@code toSkills}, may take it too (the other is null).
     */
    public record Overflow(String from, String toLine, Map<String, Integer> toSkills, int step) {}

    /** The contact reached the state it is in now; {@code agentId} is the agent concerned, if any. */
    public static ContactEvent of(long id, Contact contact, String type, String agentId, Instant at) {
        return new ContactEvent(id, contact.id(), contact.arrival().gatewayId(), type, contact.state().name(),
                agentId, at, null, null, null, null, null, null, null, null, null);
    }

    public ContactEvent withCallbackNumber(String number) {
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, number, fromAgentId,
                transferMode, followUpId, dueAt, reason, actor, line, overflow);
    }

    public ContactEvent withTransfer(String from, String mode) {
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, callbackNumber, from, mode,
                followUpId, dueAt, reason, actor, line, overflow);
    }

    public ContactEvent withFollowUp(String followUp, Instant due) {
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, callbackNumber, fromAgentId,
                transferMode, followUp, due, reason, actor, line, overflow);
    }

    public ContactEvent withReason(String why) {
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, callbackNumber, fromAgentId,
                transferMode, followUpId, dueAt, why, actor, line, overflow);
    }

    public ContactEvent withActor(String by) {
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, callbackNumber, fromAgentId,
                transferMode, followUpId, dueAt, reason, by, line, overflow);
    }

    public ContactEvent withLine(String movedTo) {
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, callbackNumber, fromAgentId,
                transferMode, followUpId, dueAt, reason, actor, movedTo, overflow);
    }

    public ContactEvent withOverflow(Overflow step) {
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, callbackNumber, fromAgentId,
                transferMode, followUpId, dueAt, reason, actor, line, step);
    }
}
