package io.welcomer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored {@link ContactEvent}, for reads through Hibernate. */
@Entity
@Table(name = "contact_events")
public class ContactEventEntity {

    @Id
    public long id;
    @Column(name = "contact_id")
    public String contactId;
    @Column(name = "gateway_id")
    public String gatewayId;
    public String type;
    public String state;
    @Column(name = "agent_id")
    public String agentId;
    public Instant at;
    /** Set on contact.connected of a callback: the number for the gateway to dial. */
    @Column(name = "callback_number")
    public String callbackNumber;
    /** Set on contact.transferred: the agent who handed it on, and warm or cold. */
    @Column(name = "from_agent_id")
    public String fromAgentId;
    @Column(name = "transfer_mode")
    public String transferMode;
    /** Set on contact.follow-up-scheduled: the follow-up (its contact's id to be) and when it is due. */
    @Column(name = "follow_up_id")
    public String followUpId;
    @Column(name = "due_at")
    public Instant dueAt;
    /** Set on contact.requeued after an offer: why the offer ended. */
    public String reason;
    /** Set on contact.moved: the supervisor who moved it. */
    public String actor;
    /** Set on contact.moved to a line: that line. */
    public String line;
    /** Set on contact.overflowed: from which line, the step, and to which line or skills (JSON). */
    @Column(name = "overflow_from")
    public String overflowFrom;
    @Column(name = "overflow_step")
    public Short overflowStep;
    @Column(name = "overflow_line")
    public String overflowLine;
    @Column(name = "overflow_skills")
    public String overflowSkills;

    public ContactEvent toEvent() {
        ContactEvent.Overflow overflow = overflowStep == null ? null : new ContactEvent.Overflow(overflowFrom,
                overflowLine, overflowSkills == null ? null : SkillMaps.read(overflowSkills), overflowStep);
        return new ContactEvent(id, contactId, gatewayId, type, state, agentId, at, callbackNumber, fromAgentId,
                transferMode, followUpId, dueAt, reason, actor, line, overflow);
    }
}
