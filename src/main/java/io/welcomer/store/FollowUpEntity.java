package io.welcomer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A follow-up an agent promised; once due it is a contact with the same id. */
@Entity
@Table(name = "follow_ups")
public class FollowUpEntity {

    @Id
    public String id;
    @Column(name = "agent_id")
    public String agentId;
    /** The contact during which the agent promised it: the customer and the line come from it. */
    @Column(name = "from_contact_id")
    public String fromContactId;
    @Column(name = "due_at")
    public Instant dueAt;
    /** E.164 number to dial, when the agent gave one. */
    @Column(name = "callback_number")
    public String callbackNumber;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Null while it is still a promise. */
    @Column(name = "became_due_at")
    public Instant becameDueAt;
}
