package io.welcomer.switchboard;

import io.welcomer.store.Agent;
import io.welcomer.store.AgentToken;
import io.welcomer.store.AuditEntry;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEvent;
import io.welcomer.store.LineEntity;
import java.time.Instant;

/** One change for the store, produced by the switchboard and written by the journal. */
public sealed interface Write {

    record InsertContact(Contact contact) implements Write {}

    record UpdateContact(Contact contact) implements Write {}

    record AppendEvent(ContactEvent event) implements Write {}

    /** An ended contact's customer came back with {@code repeatedBy}. */
    record MarkRepeated(String contactId, String repeatedBy) implements Write {}

    /** A follow-up promised; {@link FollowUpDue} once its contact exists. */
    record SaveFollowUp(PendingFollowUp followUp) implements Write {}

    record FollowUpDue(String followUpId, Instant at) implements Write {}

    /** A customer's erasure is asked for: stored with the command that made routing forget them. */
    record StartErasure(String erasureId, String customerId, Instant at) implements Write {}

    record SaveAgent(Agent agent) implements Write {}

    record DeleteAgent(Agent agent) implements Write {}

    record SaveToken(AgentToken token) implements Write {}

    /** Every token of the agent is revoked. */
    record DeleteTokens(String agentId) implements Write {}

    /**
     * An admin or supervisor change, recorded in the same commit as the change: add it to the
     * writes of the command (or of {@link RoutingLoop#commit}) that makes the change.
     */
    record Audit(AuditEntry entry) implements Write {}

    /** A line configured, new or replaced. */
    record SaveLine(LineEntity line) implements Write {}

    record DeleteLine(String lineId) implements Write {}
}
