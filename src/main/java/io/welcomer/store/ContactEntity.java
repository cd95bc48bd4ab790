package io.welcomer.store;

import io.welcomer.routing.ContactState;
import io.welcomer.routing.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A contact as stored, for reads through Hibernate; the shell keeps and writes {@link Contact}s. */
@Entity
@Table(name = "contacts")
public class ContactEntity {

    @Id
    public String id;
    @Column(name = "gateway_id")
    public String gatewayId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public String channel;
    public String mode;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "customer_name")
    public String customerName;
    @Column(name = "customer_language")
    public String customerLanguage;
    /** Only a speaker of the customer's language may take it, however long it waits. */
    @Column(name = "language_required")
    public boolean languageRequired;
    /** JSON object: skill name to minimum proficiency. */
    @Column(name = "required_skills")
    public String requiredSkills;
    public int priority;
    public String topic;
    /** JSON of at most 8 KiB, stored as jsonb and read as its text, which an offer carries as it is. */
    @ColumnTransformer(read = "cast(context as text)")
    public String context;
    @Column(name = "arrival_seq")
    public long arrivalSeq;
    public String state;
    @Column(name = "agent_id")
    public String agentId;
    /** E.164 number to dial when the customer asked to be called back. */
    @Column(name = "callback_number")
    public String callbackNumber;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "offered_at")
    public Instant offeredAt;
    @Column(name = "connected_at")
    public Instant connectedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "customer_left_at")
    public Instant customerLeftAt;
    public Boolean resolved;
    @Column(name = "outcome_code")
    public String outcomeCode;
    @Column(name = "outcome_notes")
    public String outcomeNotes;
    /** Customer satisfaction 1-5, given once after completion. */
    public Integer csat;
    @Column(name = "feedback_comment")
    public String feedbackComment;
    @Column(name = "feedback_at")
    public Instant feedbackAt;
    /** When the conversation ended and after-contact work began; null if completed straight away. */
    @Column(name = "wrapped_at")
    public Instant wrappedAt;
    /** Touch time summed over the legs, in milliseconds, once the conversation ended. */
    @Column(name = "touch_ms")
    public Long touchMillis;
    public int transfers;
    /** The last transfer: the agent who handed the contact on, warm or cold, and their note. */
    @Column(name = "transfer_from")
    public String transferFrom;
    @Column(name = "transfer_mode")
    public String transferMode;
    @Column(name = "transfer_note")
    public String transferNote;
    /** A follow-up's note from the agent who promised it. */
    @Column(name = "follow_up_note")
    public String followUpNote;
    /** The configured line it was handed to; null for the implicit line of its channel and skills. */
    public String line;
    /** Whether it first reached a human within its line's service-level target; null until then, or with none. */
    @Column(name = "answered_within_target")
    public Boolean answeredWithinTarget;
    /** The contact the customer came back with, within the repeat window; set once it ended. */
    @Column(name = "repeated_by")
    public String repeatedBy;

    /** The contact this row stores. */
    public Contact toContact() {
        Contact.Arrival arrival = new Contact.Arrival(id, gatewayId, idempotencyKey, channel,
                new Contact.Customer(customerId, customerName, customerLanguage), languageRequired, requiredSkills,
                priority, topic, context, followUpNote, line);
        Contact.Progress progress = new Contact.Progress(ContactState.valueOf(state), Contact.Mode.valueOf(mode),
                arrivalSeq, createdAt, agentId, callbackNumber, offeredAt, connectedAt, endedAt, customerLeftAt,
                wrappedAt, touchMillis, resolved == null ? null : new Outcome(resolved, outcomeCode, outcomeNotes),
                new Contact.Transfers(transfers, transferFrom, transferMode, transferNote), answeredWithinTarget);
        return new Contact(arrival, progress, csat == null ? null : new Contact.Feedback(csat, feedbackComment, feedbackAt));
    }
}
