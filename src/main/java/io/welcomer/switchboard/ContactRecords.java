package io.welcomer.switchboard;

import io.welcomer.routing.Arrived;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.Decision;
import io.welcomer.routing.MoveTarget;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEvent;
import io.welcomer.store.SkillMaps;
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
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Live contacts and promised follow-ups as the store holds them: applies routing decisions to
 * contacts (each change a new {@link Contact}) and appends one event per state change. Touched
 * only on the routing context.
 */
final class ContactRecords {

    /** The writes of some decisions, and each contact they concern as decided (ended ones too). */
    record Applied(List<Write> writes, Map<String, Contact> decided) {}

    private final Map<String, Contact> live = new HashMap<>();
    private final Map<String, PendingFollowUp> promised = new LinkedHashMap<>();
    private long nextEventId;

    ContactRecords(long lastEventId) {
        this.nextEventId = lastEventId + 1;
    }

    void track(Contact contact) {
        live.put(contact.id(), contact);
    }

    Contact get(String contactId) {
        return live.get(contactId);
    }

    /** A follow-up promised before a restart. */
    void restorePromise(PendingFollowUp pending) {
        promised.put(pending.id(), pending);
    }

    /** The follow-ups this agent promised and that are not due yet, soonest first. */
    List<PendingFollowUp> promisedBy(String agentId) {
        return promised.values().stream()
                .filter(pending -> pending.agentId().equals(agentId))
                .sorted(Comparator.comparing(PendingFollowUp::dueAt))
                .toList();
    }

    /**
     * Applies the decisions of {@code command} to the contacts they concern and returns the writes:
     * one row per contact as last decided, its priority, line and service level included (inserted
     * when {@code created} is that contact, or a follow-up that fell due), then the events in
     * decision order, then follow-up rows; and each concerned contact as decided. What the rows
     * keep and routing does not (a callback's number, a follow-up's number and note) comes from
     * the command.
     */
    Applied apply(Command command, List<Decision> decisions, Instant now, String created,
                  Function<String, Arrived> arrivals) {
        Map<String, Contact> changed = new LinkedHashMap<>();
        Set<String> inserted = new HashSet<>();
        List<Write> events = new ArrayList<>();
        List<Write> otherRows = new ArrayList<>();
        // Why an offer was revoked, for the requeue that follows it in the same command.
        Map<String, String> revoked = new HashMap<>();
        if (created != null) {
            changed.put(created, live.get(created));
            inserted.add(created);
        }
        for (Decision decision : decisions) {
            switch (decision) {
                case Decision.Queued d -> events.add(new Write.AppendEvent(changed(d.contactId(), p -> p.inState(ContactState.QUEUED),
                        "contact.queued", null, now, changed)));
                case Decision.Offered d -> events.add(new Write.AppendEvent(changed(d.contactId(), p -> p.offeredTo(d.agentId(), now),
                        "contact.offered", d.agentId(), now, changed)));
                case Decision.Requeued d -> events.add(new Write.AppendEvent(changed(d.contactId(),
                        p -> p.requeued(d.touchedBefore().toMillis()),
                        "contact.requeued", d.previousAgentId(), now, changed).withReason(revoked.remove(d.contactId()))));
                case Decision.Connected d -> {
                    ContactEvent connected = changed(d.contactId(), p -> p.connected(now), "contact.connected",
                            d.agentId(), now, changed);
                    events.add(new Write.AppendEvent(
                            connected.withCallbackNumber(changed.get(d.contactId()).progress().callbackNumber())));
                }
                case Decision.Wrapping d -> events.add(new Write.AppendEvent(changed(d.contactId(),
                        p -> p.wrapping(now, d.touchTime().toMillis()), "contact.wrapping", d.agentId(), now, changed)));
                case Decision.Completed d -> {
                    events.add(new Write.AppendEvent(changed(d.contactId(), p -> p.completed(now, d.touchTime().toMillis(), d.outcome()),
                            "contact.completed", d.agentId(), now, changed)));
                    live.remove(d.contactId());
                }
                case Decision.Abandoned d -> {
                    events.add(new Write.AppendEvent(changed(d.contactId(), p -> p.abandoned(now), "contact.abandoned", null, now, changed)));
                    live.remove(d.contactId());
                }
                case Decision.CallbackArranged d -> {
                    String number = command instanceof Command.RequestCallback request ? request.number() : null;
                    changed.put(d.contactId(), replace(d.contactId(), p -> p.callingBack(number)));
                }
                case Decision.CustomerLeft d -> changed.put(d.contactId(), replace(d.contactId(), p -> p.customerLeft(now)));
                case Decision.OfferRevoked d -> revoked.put(d.contactId(), d.reason().wireName());
                case Decision.PresenceChanged d -> { }
                case Decision.Refused d -> { }
                case Decision.Transferred d -> {
                    String how = d.mode().name().toLowerCase(Locale.ROOT);
                    if (d.sentTo() != null) {
                        live.computeIfPresent(d.contactId(), (id, contact) ->
                                contact.redirected(SkillMaps.write(d.sentTo().skills()), d.sentTo().language()));
                    }
                    ContactEvent transferred = changed(d.contactId(),
                            p -> p.transferred(d.fromAgentId(), d.toAgentId(), how, d.note(), now,
                                    d.touchedBefore().toMillis()),
                            "contact.transferred", d.toAgentId(), now, changed);
                    events.add(new Write.AppendEvent(transferred.withTransfer(d.fromAgentId(), how)));
                }
                case Decision.TransferOffered d -> { }
                case Decision.TransferEnded d -> { }
                case Decision.FollowUpScheduled d -> {
                    Contact promisedOn = live.get(d.followUp().fromContactId());
                    // The agent's number and note come with the command that promised it.
                    Command.ScheduleFollowUp asked = command instanceof Command.ScheduleFollowUp promise
                            && promise.followUpId().equals(d.followUp().id()) ? promise : null;
                    PendingFollowUp pending = PendingFollowUp.of(d.followUp().id(), d.followUp().agentId(),
                            d.followUp().at(), asked == null ? null : asked.number(),
                            asked == null ? null : asked.note(), now, promisedOn);
                    promised.put(pending.id(), pending);
                    otherRows.add(new Write.SaveFollowUp(pending));
                    events.add(new Write.AppendEvent(ContactEvent.of(nextEventId++, promisedOn,
                            "contact.follow-up-scheduled", pending.agentId(), now).withFollowUp(pending.id(),
                            pending.dueAt())));
                }
                case Decision.FollowUpDue d -> {
                    PendingFollowUp due = promised.remove(d.followUp().id());
                    Contact contact = due.contact();
                    contact = contact.with(contact.progress().arrived(arrivals.apply(contact.id())));
                    live.put(contact.id(), contact);
                    changed.put(contact.id(), contact);
                    inserted.add(contact.id());
                    otherRows.add(new Write.FollowUpDue(contact.id(), now));
                }
                case Decision.AwayEnded d -> { }
                case Decision.Moved d -> {
                    String toAgent = d.to() instanceof MoveTarget.ToAgent to ? to.agentId() : null;
                    String toLine = d.to() instanceof MoveTarget.ToLine to ? to.lineId() : null;
                    if (toLine != null) {
                        live.put(d.contactId(), live.get(d.contactId()).inLine(toLine));
                    }
                    events.add(new Write.AppendEvent(changed(d.contactId(),
                            p -> p.state() == ContactState.OFFERED ? p.requeued(0) : p, "contact.moved", toAgent, now,
                            changed).withActor(d.by()).withLine(toLine)));
                }
                case Decision.PriorityChanged d -> {
                    Contact reprioritized = live.get(d.contactId()).withPriority(d.priority());
                    live.put(d.contactId(), reprioritized);
                    changed.put(d.contactId(), reprioritized);
                }
                case Decision.LineConfigured d -> { }
                case Decision.LineRemoved d -> { }
                case Decision.LineOpened d -> { }
                case Decision.LineClosed d -> { }
                case Decision.Answered d -> {
                    if (d.withinTarget() != null) {
                        changed.put(d.contactId(), replace(d.contactId(), p -> p.answered(d.withinTarget())));
                    }
                }
                case Decision.Overflowed d -> events.add(new Write.AppendEvent(ContactEvent.of(nextEventId++,
                        live.get(d.contactId()), "contact.overflowed", null, now).withOverflow(
                        new ContactEvent.Overflow(d.fromLine(), d.toLine(), d.toSkills(), d.step()))));
            }
        }
        List<Write> writes = new ArrayList<>(changed.size() + events.size() + otherRows.size());
        changed.forEach((id, contact) -> writes.add(inserted.contains(id)
                ? new Write.InsertContact(contact)
                : new Write.UpdateContact(contact)));
        writes.addAll(events);
        writes.addAll(otherRows);
        Map<String, Contact> decided = new HashMap<>();
        for (Decision decision : decisions) {
            String contactId = Decisions.contactOf(decision);
            Contact contact = contactId == null ? null : changed.getOrDefault(contactId, live.get(contactId));
            if (contact != null) {
                decided.put(contactId, contact);
            }
        }
        return new Applied(writes, decided);
    }

    /** Forgets a contact whose first write failed: it was never acknowledged. */
    void forget(String contactId) {
        live.remove(contactId);
    }

    /** The contact's new progress, kept for its row, and the event of its new state. */
    private ContactEvent changed(String contactId, UnaryOperator<Contact.Progress> next, String type, String agentId,
                                 Instant now, Map<String, Contact> changed) {
        Contact contact = replace(contactId, next);
        changed.put(contactId, contact);
        return ContactEvent.of(nextEventId++, contact, type, agentId, now);
    }

    private Contact replace(String contactId, UnaryOperator<Contact.Progress> next) {
        Contact contact = live.get(contactId);
        Contact changed = contact.with(next.apply(contact.progress()));
        live.put(contactId, changed);
        return changed;
    }
}
