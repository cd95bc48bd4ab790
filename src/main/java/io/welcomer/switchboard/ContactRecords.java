package io.welcomer.switchboard;

import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.contacts.persistence.ContactEventEntity;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stored form of live contacts: applies routing decisions to contact rows and appends one
 * event per state change. Touched only on the routing context.
 */
final class ContactRecords {

    static final String CALLBACK = "CALLBACK";

    private final Map<String, ContactEntity> live = new HashMap<>();
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

    /**
     * Applies decisions to the rows they concern and returns the writes: one row per contact
     * (inserted when {@code created} is that contact), then the events in decision order.
     */
    List<Write> apply(List<Decision> decisions, Instant now, String created) {
        Map<String, ContactEntity> changed = new LinkedHashMap<>();
        List<Write> events = new ArrayList<>();
        if (created != null) {
            changed.put(created, live.get(created));
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
                case Decision.FollowUpScheduled d -> { }
                case Decision.FollowUpDue d -> { }
                case Decision.AwayEnded d -> { }
            }
        }
        List<Write> writes = new ArrayList<>(changed.size() + events.size());
        changed.forEach((id, contact) -> writes.add(id.equals(created)
                ? new Write.InsertContact(contact.snapshot())
                : new Write.UpdateContact(contact.snapshot())));
        writes.addAll(events);
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
        ContactEventEntity event = new ContactEventEntity();
        event.id = nextEventId++;
        event.contactId = contactId;
        event.gatewayId = contact.gatewayId;
        event.type = type;
        event.state = state.name();
        event.at = now;
        events.add(new Write.AppendEvent(event));
        return contact;
    }

    private static ContactEventEntity lastEvent(List<Write> events) {
        return ((Write.AppendEvent) events.getLast()).event();
    }
}
