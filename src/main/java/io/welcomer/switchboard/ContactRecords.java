package io.welcomer.switchboard;

import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.contacts.persistence.ContactEventEntity;
import io.welcomer.contacts.persistence.FollowUpEntity;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The stored form of live contacts and promised follow-ups: applies routing decisions to contact
 * rows and appends one event per state change. Touched only on the routing context.
 */
final class ContactRecords {

    static final String CALLBACK = "CALLBACK";

    /** The agent's number and note for the follow-up the next command may schedule. */
    private record FollowUpDetail(String followUpId, String number, String note) {}

    private final Map<String, ContactEntity> live = new HashMap<>();
    private final Map<String, PendingFollowUp> promised = new LinkedHashMap<>();
    private FollowUpDetail detail;
    private long nextEventId;

    ContactRecords(long lastEventId) {
        this.nextEventId = lastEventId + 1;
    }

    void track(ContactEntity contact) {
        live.put(contact.id, contact);
    }

    ContactEntity get(String contactId) {
        return live.get(contactId);
    }

    /** The number and note of a follow-up the next command may schedule; forgotten after that command. */
    void detailFollowUp(String followUpId, String number, String note) {
        detail = new FollowUpDetail(followUpId, number, note);
    }

    /** A follow-up promised before a restart. */
    void restorePromise(PendingFollowUp pending) {
        promised.put(pending.row().id, pending);
    }

    /** The follow-ups this agent promised and that are not due yet, soonest first. */
    List<PendingFollowUp> promisedBy(String agentId) {
        return promised.values().stream()
                .filter(pending -> pending.row().agentId.equals(agentId))
                .sorted(Comparator.comparing(pending -> pending.row().dueAt))
                .toList();
    }

    /**
     * Applies decisions to the rows they concern and returns the writes: one row per contact
     * (inserted when {@code created} is that contact, or a follow-up that fell due), then the
     * events in decision order, then follow-up rows.
     */
    List<Write> apply(List<Decision> decisions, Instant now, String created, ToLongFunction<String> arrivalOrder) {
        Map<String, ContactEntity> changed = new LinkedHashMap<>();
        Set<String> inserted = new HashSet<>();
        List<Write> events = new ArrayList<>();
        List<Write> followUps = new ArrayList<>();
        FollowUpDetail given = detail;
        detail = null;
        if (created != null) {
            changed.put(created, live.get(created));
            inserted.add(created);
        }
        for (Decision decision : decisions) {
            switch (decision) {
                case Decision.Queued d -> change(d.contactId(), ContactState.QUEUED, "contact.queued", now, changed, events);
                case Decision.Offered d -> {
                    ContactEntity contact = change(d.contactId(), ContactState.OFFERED, "contact.offered", now, changed, events);
                    contact.agentId = d.agentId();
                    contact.offeredAt = now;
                    lastEvent(events).agentId = d.agentId();
                }
                case Decision.Requeued d -> {
                    ContactEntity contact = change(d.contactId(), ContactState.QUEUED, "contact.requeued", now, changed, events);
                    lastEvent(events).agentId = d.previousAgentId();
                    contact.agentId = null;
                    contact.connectedAt = null;
                    contact.customerLeftAt = null;
                }
                case Decision.Connected d -> {
                    ContactEntity contact = change(d.contactId(), ContactState.CONNECTED, "contact.connected", now, changed, events);
                    contact.connectedAt = now;
                    lastEvent(events).agentId = d.agentId();
                    lastEvent(events).callbackNumber = contact.callbackNumber;
                }
                case Decision.Wrapping d -> {
                    ContactEntity contact = change(d.contactId(), ContactState.WRAPPING, "contact.wrapping", now, changed, events);
                    contact.wrappedAt = now;
                    contact.touchMillis = d.touchTime().toMillis();
                    lastEvent(events).agentId = d.agentId();
                }
                case Decision.Completed d -> {
                    ContactEntity contact = change(d.contactId(), ContactState.COMPLETED, "contact.completed", now, changed, events);
                    contact.endedAt = now;
                    if (contact.wrappedAt == null) {
                        // Wrapped up first, the touch time was stored then (a restart in between loses it here).
                        contact.touchMillis = d.touchTime().toMillis();
                    }
                    contact.resolved = d.outcome().resolved();
                    contact.outcomeCode = d.outcome().code();
                    contact.outcomeNotes = d.outcome().notes();
                    lastEvent(events).agentId = d.agentId();
                    live.remove(d.contactId());
                }
                case Decision.Abandoned d -> {
                    ContactEntity contact = change(d.contactId(), ContactState.ABANDONED, "contact.abandoned", now, changed, events);
                    contact.endedAt = now;
                    live.remove(d.contactId());
                }
                case Decision.CallbackArranged d -> {
                    ContactEntity contact = live.get(d.contactId());
                    contact.mode = CALLBACK;
                    changed.put(contact.id, contact);
                }
                case Decision.CustomerLeft d -> {
                    ContactEntity contact = live.get(d.contactId());
                    contact.customerLeftAt = now;
                    changed.put(contact.id, contact);
                }
                case Decision.OfferRevoked d -> { }
                case Decision.PresenceChanged d -> { }
                case Decision.Refused d -> { }
                case Decision.Transferred d -> {
                    // Warm: connected to its new owner now. Cold: waiting for the line it was sent to.
                    ContactState state = d.toAgentId() == null ? ContactState.QUEUED : ContactState.CONNECTED;
                    ContactEntity contact = change(d.contactId(), state, "contact.transferred", now, changed, events);
                    contact.agentId = d.toAgentId();
                    contact.connectedAt = d.toAgentId() == null ? null : now;
                    contact.transfers++;
                    contact.transferFrom = d.fromAgentId();
                    contact.transferMode = d.mode().name().toLowerCase(Locale.ROOT);
                    contact.transferNote = d.note();
                    ContactEventEntity event = lastEvent(events);
                    event.agentId = d.toAgentId();
                    event.fromAgentId = d.fromAgentId();
                    event.transferMode = contact.transferMode;
                }
                case Decision.TransferOffered d -> { }
                case Decision.TransferEnded d -> { }
                case Decision.FollowUpScheduled d -> {
                    ContactEntity promisedOn = live.get(d.followUp().fromContactId());
                    FollowUpEntity row = new FollowUpEntity();
                    row.id = d.followUp().id();
                    row.agentId = d.followUp().agentId();
                    row.fromContactId = promisedOn.id;
                    row.dueAt = d.followUp().at();
                    row.createdAt = now;
                    if (given != null && given.followUpId().equals(row.id)) {
                        row.callbackNumber = given.number();
                        row.note = given.note();
                    }
                    promised.put(row.id, PendingFollowUp.of(row, promisedOn));
                    followUps.add(new Write.SaveFollowUp(row));
                    ContactEventEntity event = event(promisedOn, "contact.follow-up-scheduled", now);
                    event.agentId = row.agentId;
                    event.followUpId = row.id;
                    event.dueAt = row.dueAt;
                    events.add(new Write.AppendEvent(event));
                }
                case Decision.FollowUpDue d -> {
                    PendingFollowUp due = promised.remove(d.followUp().id());
                    ContactEntity contact = due.contact();
                    contact.state = ContactState.QUEUED.name();
                    contact.createdAt = now;
                    contact.arrivalSeq = arrivalOrder.applyAsLong(contact.id);
                    live.put(contact.id, contact);
                    changed.put(contact.id, contact);
                    inserted.add(contact.id);
                    followUps.add(new Write.FollowUpDue(contact.id, now));
                }
                case Decision.AwayEnded d -> { }
            }
        }
        List<Write> writes = new ArrayList<>(changed.size() + events.size() + followUps.size());
        changed.forEach((id, contact) -> writes.add(inserted.contains(id)
                ? new Write.InsertContact(contact.snapshot())
                : new Write.UpdateContact(contact.snapshot())));
        writes.addAll(events);
        writes.addAll(followUps);
        return writes;
    }

    /** Forgets a contact whose first write failed: it was never acknowledged. */
    void forget(String contactId) {
        live.remove(contactId);
    }

    private ContactEntity change(String contactId, ContactState state, String type, Instant now,
                                 Map<String, ContactEntity> changed, List<Write> events) {
        ContactEntity contact = live.get(contactId);
        contact.state = state.name();
        changed.put(contactId, contact);
        events.add(new Write.AppendEvent(event(contact, type, now)));
        return contact;
    }

    private ContactEventEntity event(ContactEntity contact, String type, Instant now) {
        ContactEventEntity event = new ContactEventEntity();
        event.id = nextEventId++;
        event.contactId = contact.id;
        event.gatewayId = contact.gatewayId;
        event.type = type;
        event.state = contact.state;
        event.at = now;
        return event;
    }

    private static ContactEventEntity lastEvent(List<Write> events) {
        return ((Write.AppendEvent) events.getLast()).event();
    }
}
