package io.welcomer.routing;

import io.welcomer.routing.Command.AcceptOffer;
import io.welcomer.routing.Command.ArriveContact;
import io.welcomer.routing.Command.CompleteContact;
import io.welcomer.routing.Command.ConnectAgent;
import io.welcomer.routing.Command.CustomerLeave;
import io.welcomer.routing.Command.DisconnectAgent;
import io.welcomer.routing.Command.MakeAvailable;
import io.welcomer.routing.Command.RegisterAgent;
import io.welcomer.routing.Command.RejectOffer;
import io.welcomer.routing.Command.RemoveAgent;
import io.welcomer.routing.Command.RequestCallback;
import io.welcomer.routing.Command.RestoreContact;
import io.welcomer.routing.Command.RestoreRelationship;
import io.welcomer.routing.Command.StepAway;
import io.welcomer.routing.Command.Tick;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The routing core: takes one command at a time and returns what it decided. Plain Java with no
 * I/O and time from an injected clock, so the same rules run live and in virtual time. Not
 * thread-safe by design: one writer feeds it.
 */
public final class Router {

    private static final String MISSED_OFFERS = "missed-offers";
    /** Outcome code of a contact whose customer and agent both left before it was completed. */
    public static final String AGENT_LOST = "agent-lost";

    /** Among agents of equal fit: the one idle longest, then the least loaded; agent id breaks ties. */
    private static final Comparator<RoutedAgent> DESERVING = Comparator
            .comparing((RoutedAgent a) -> a.idleSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(a -> a.active.size())
            .thenComparing(RoutedAgent::id);

    private final RoutingRules rules;
    private final InstantSource clock;
    private final WaitEstimator waits = new WaitEstimator();
    private final Relationships relationships;
    private final Roster roster = new Roster();
    private final Map<String, RoutedContact> contacts = new HashMap<>();
    private final WaitingLine line = new WaitingLine(waits);
    private final Deadlines deadlines = new Deadlines();
    private long nextSeq = 1;
    private long offerSerials;
    private long sessionSerials;

    // Per command: what was decided, and which agents may have changed presence (with a reason).
    private List<Decision> decisions;
    private Map<RoutedAgent, String> touched;

    public Router(RoutingRules rules, InstantSource clock) {
        this.rules = rules;
        this.clock = clock;
        this.relationships = new Relationships(rules.repeatWindow());
    }

    /** Handles one command to completion and returns its decisions, in the order they happened. */
    public List<Decision> handle(Command command) {
        decisions = new ArrayList<>();
        touched = new LinkedHashMap<>();
        switch (command) {
            case RegisterAgent c -> register(c.profile());
            case RemoveAgent c -> withAgent(c.agentId(), this::remove);
            case ConnectAgent c -> withAgent(c.agentId(), this::connect);
            case DisconnectAgent c -> withAgent(c.agentId(), this::disconnect);
            case MakeAvailable c -> withAgent(c.agentId(), this::makeAvailable);
            case StepAway c -> withAgent(c.agentId(), agent -> stepAway(agent, c.reason()));
            case ArriveContact c -> arrive(c.request());
            case AcceptOffer c -> accept(c.agentId(), c.contactId());
            case RejectOffer c -> reject(c.agentId(), c.contactId());
            case CompleteContact c -> complete(c.agentId(), c.contactId(), c.outcome());
            case RequestCallback c -> requestCallback(c.contactId());
            case CustomerLeave c -> customerLeave(c.contactId());
            case Tick c -> fireDueDeadlines();
            case RestoreContact c -> restore(c);
            case RestoreRelationship c -> relationships.remember(c.customerId(), c.agentId(), c.connectedAt());
        }
        reportPresenceChanges();
        return decisions;
    }

    // --- agents ---

    private void register(AgentProfile profile) {
        fill(roster.register(profile));
    }

    private void remove(RoutedAgent agent) {
        List<RoutedContact> held = List.copyOf(agent.active.values());
        agent.active.clear();
        roster.remove(agent);
        if (agent.presence != Presence.OFFLINE) {
            decisions.add(new Decision.PresenceChanged(agent.id(), Presence.OFFLINE, "removed"));
        }
        for (RoutedContact contact : held) {
            if (contact.state == ContactState.OFFERED) {
                decisions.add(new Decision.OfferRevoked(contact.id(), agent.id(), RevokeReason.AGENT_GONE));
                requeue(contact, agent.id());
            } else {
                requeueOrEnd(contact, agent.id());
            }
        }
    }

    private void connect(RoutedAgent agent) {
        agent.connected = true;
        agent.ready = false;
        agent.session = ++sessionSerials;
        agent.missedOffers = 0;
        roster.refresh(agent);
        touched.put(agent, null);
    }

    private void disconnect(RoutedAgent agent) {
        if (!agent.connected) {
            return;
        }
        agent.connected = false;
        agent.ready = false;
        agent.session = ++sessionSerials;
        roster.refresh(agent);
        touched.put(agent, null);
        for (RoutedContact offered : heldIn(agent, ContactState.OFFERED)) {
            agent.active.remove(offered.id());
            decisions.add(new Decision.OfferRevoked(offered.id(), agent.id(), RevokeReason.AGENT_GONE));
            requeue(offered, agent.id());
        }
        if (!agent.active.isEmpty()) {
            deadlines.add(Deadlines.Kind.RECONNECT_GRACE, agent.id(), agent.session,
                    clock.instant().plus(rules.reconnectGrace()));
        }
    }

    private void makeAvailable(RoutedAgent agent) {
        if (!agent.connected) {
            decisions.add(new Decision.Refused(Refusal.NOT_CONNECTED));
            return;
        }
        agent.ready = true;
        agent.missedOffers = 0;
        roster.refresh(agent);
        touched.put(agent, null);
        fill(agent);
    }

    private void stepAway(RoutedAgent agent, String reason) {
        if (!agent.connected) {
            decisions.add(new Decision.Refused(Refusal.NOT_CONNECTED));
            return;
        }
        agent.ready = false;
        roster.refresh(agent);
        touched.put(agent, reason);
    }

    // --- contacts ---

    private void arrive(ContactRequest request) {
        if (contacts.containsKey(request.contactId())) {
            decisions.add(new Decision.Refused(Refusal.DUPLICATE_CONTACT));
            return;
        }
        RoutedContact contact = new RoutedContact(request, nextSeq++, clock.instant(), rules.priorityAging());
        contacts.put(contact.id(), contact);
        scheduleRelax(contact);
        place(contact, null, false);
    }

    private void accept(String agentId, String contactId) {
        RoutedContact contact = offeredTo(agentId, contactId);
        if (contact == null) {
            return;
        }
        Instant now = clock.instant();
        contact.state = ContactState.CONNECTED;
        contact.connectedAt = now;
        roster.get(agentId).missedOffers = 0;
        relationships.remember(contact.request.customerId(), agentId, now);
        decisions.add(new Decision.Connected(contactId, contact.channel(), agentId,
                Duration.between(contact.arrivedAt, now)));
    }

    private void reject(String agentId, String contactId) {
        RoutedContact contact = offeredTo(agentId, contactId);
        if (contact == null) {
            return;
        }
        RoutedAgent agent = roster.get(agentId);
        agent.active.remove(contactId);
        touched.put(agent, null);
        decisions.add(new Decision.OfferRevoked(contactId, agentId, RevokeReason.REJECTED));
        requeue(contact, agentId);
        fill(agent, contactId);
    }

    private void complete(String agentId, String contactId, Outcome outcome) {
        RoutedAgent agent = roster.get(agentId);
        RoutedContact contact = contacts.get(contactId);
        if (agent == null) {
            decisions.add(new Decision.Refused(Refusal.UNKNOWN_AGENT));
            return;
        }
        if (contact == null || contact.state != ContactState.CONNECTED || !agentId.equals(contact.agentId)) {
            decisions.add(new Decision.Refused(contact == null ? Refusal.UNKNOWN_CONTACT : Refusal.NOT_YOUR_CONTACT));
            return;
        }
        Duration touchTime = Duration.between(contact.connectedAt, clock.instant());
        waits.completed(contact.channel(), touchTime);
        contacts.remove(contactId);
        agent.active.remove(contactId);
        touched.put(agent, null);
        decisions.add(new Decision.Completed(contactId, contact.channel(), agentId, outcome, touchTime));
        fill(agent);
    }

    private void requestCallback(String contactId) {
        RoutedContact contact = contacts.get(contactId);
        if (contact == null) {
            decisions.add(new Decision.Refused(Refusal.UNKNOWN_CONTACT));
        } else if (contact.state != ContactState.QUEUED) {
            decisions.add(new Decision.Refused(Refusal.NOT_WAITING));
        } else if (!contact.channel().callsBack()) {
            decisions.add(new Decision.Refused(Refusal.NO_CALLBACK_ON_CHANNEL));
        } else {
            line.markCallback(contact);
            decisions.add(new Decision.CallbackArranged(contactId));
        }
    }

    private void customerLeave(String contactId) {
        RoutedContact contact = contacts.get(contactId);
        if (contact == null) {
            decisions.add(new Decision.Refused(Refusal.UNKNOWN_CONTACT));
            return;
        }
        switch (contact.state) {
            case QUEUED -> {
                line.remove(contact, clock.instant());
                contacts.remove(contactId);
                decisions.add(new Decision.Abandoned(contactId, contact.channel()));
            }
            case OFFERED -> {
                RoutedAgent agent = roster.get(contact.agentId);
                agent.active.remove(contactId);
                touched.put(agent, null);
                contacts.remove(contactId);
                decisions.add(new Decision.OfferRevoked(contactId, agent.id(), RevokeReason.ABANDONED));
                decisions.add(new Decision.Abandoned(contactId, contact.channel()));
                fill(agent);
            }
            case CONNECTED -> {
                if (!contact.customerGone) {
                    contact.customerGone = true;
                    decisions.add(new Decision.CustomerLeft(contactId, contact.agentId));
                }
            }
            case COMPLETED, ABANDONED -> throw new IllegalStateException("ended contact still live: " + contactId);
        }
    }

    private void restore(RestoreContact restored) {
        RoutedContact contact = new RoutedContact(restored.request(), restored.seq(), restored.arrivedAt(),
                rules.priorityAging());
        contact.callback = restored.callback();
        contact.relaxed = !restored.arrivedAt().plus(rules.relaxAfter()).isAfter(clock.instant());
        scheduleRelax(contact);
        nextSeq = Math.max(nextSeq, restored.seq() + 1);
        contacts.put(contact.id(), contact);
        RoutedAgent agent = restored.agentId() == null ? null : roster.get(restored.agentId());
        switch (restored.state()) {
            case QUEUED -> line.add(contact, clock.instant());
            case OFFERED -> {
                line.add(contact, clock.instant());
                decisions.add(new Decision.Requeued(contact.id(), contact.channel(), restored.agentId()));
            }
            case CONNECTED -> {
                if (agent == null) {
                    line.add(contact, clock.instant());
                    decisions.add(new Decision.Requeued(contact.id(), contact.channel(), restored.agentId()));
                } else {
                    contact.state = ContactState.CONNECTED;
                    contact.agentId = agent.id();
                    contact.connectedAt = restored.connectedAt();
                    agent.active.put(contact.id(), contact);
                    deadlines.add(Deadlines.Kind.RECONNECT_GRACE, agent.id(), agent.session,
                            clock.instant().plus(rules.reconnectGrace()));
                }
            }
            case COMPLETED, ABANDONED -> contacts.remove(contact.id());
        }
    }

    // --- timers ---

    private void fireDueDeadlines() {
        Instant now = clock.instant();
        for (Deadlines.Due due = deadlines.pollDue(now); due != null; due = deadlines.pollDue(now)) {
            switch (due.kind()) {
                case OFFER_EXPIRY -> expireOffer(due.key(), due.serial());
                case RECONNECT_GRACE -> endGrace(due.key(), due.serial());
                case RELAX -> relax(due.key());
            }
        }
    }

    private void expireOffer(String contactId, long offerSerial) {
        RoutedContact contact = contacts.get(contactId);
        if (contact == null || contact.state != ContactState.OFFERED || contact.offerSerial != offerSerial) {
            return;
        }
        RoutedAgent agent = roster.get(contact.agentId);
        agent.active.remove(contactId);
        decisions.add(new Decision.OfferRevoked(contactId, agent.id(), RevokeReason.TIMEOUT));
        agent.missedOffers++;
        if (agent.missedOffers < rules.maxMissedOffers()) {
            touched.putIfAbsent(agent, null);
            requeue(contact, agent.id());
            fill(agent, contactId);
            return;
        }
        // An empty chair: set away, and its other offers go to someone who is there.
        agent.ready = false;
        roster.refresh(agent);
        touched.put(agent, MISSED_OFFERS);
        requeue(contact, agent.id());
        for (RoutedContact pending : heldIn(agent, ContactState.OFFERED)) {
            agent.active.remove(pending.id());
            decisions.add(new Decision.OfferRevoked(pending.id(), agent.id(), RevokeReason.AGENT_GONE));
            requeue(pending, agent.id());
        }
    }

    /** The contact waited long enough: any proficiency will do, so more agents can take it. */
    private void relax(String contactId) {
        RoutedContact contact = contacts.get(contactId);
        if (contact == null || contact.relaxed) {
            return;
        }
        if (contact.state != ContactState.QUEUED) {
            contact.relaxed = true;
            return;
        }
        line.relax(contact);
        RoutedAgent agent = bestFreeAgent(contact, null);
        if (agent != null) {
            line.remove(contact, clock.instant());
            offer(contact, agent);
        }
    }

    private void endGrace(String agentId, long session) {
        RoutedAgent agent = roster.get(agentId);
        if (agent == null || agent.connected || agent.session != session) {
            return;
        }
        for (RoutedContact contact : heldIn(agent, ContactState.CONNECTED)) {
            agent.active.remove(contact.id());
            requeueOrEnd(contact, agentId);
        }
    }

    /**
     * A connected contact that lost its agent goes back in line, unless the customer has left
     * too: then nobody is on the line and it ends, unresolved, as {@link #AGENT_LOST}.
     */
    private void requeueOrEnd(RoutedContact contact, String agentId) {
        if (!contact.customerGone) {
            requeue(contact, agentId);
            return;
        }
        contacts.remove(contact.id());
        decisions.add(new Decision.Completed(contact.id(), contact.channel(), agentId,
                new Outcome(false, AGENT_LOST, null), Duration.between(contact.connectedAt, clock.instant())));
    }

    // --- placing contacts and filling agents ---

    /** A contact back in line keeps its arrival place and is offered at once where it can be. */
    private void requeue(RoutedContact contact, String previousAgentId) {
        contact.agentId = null;
        contact.connectedAt = null;
        decisions.add(new Decision.Requeued(contact.id(), contact.channel(), previousAgentId));
        place(contact, previousAgentId, true);
    }

    /**
     * Offers the contact to the agent who served this customer last, if that agent can take it
     * now; else to the best free eligible agent; else puts it in line. Nobody waits for one person.
     */
    private void place(RoutedContact contact, String skippedAgentId, boolean alreadyAnnounced) {
        RoutedAgent chosen = relationships.lastAgentOf(contact.request.customerId(), clock.instant())
                .map(roster::get)
                .filter(agent -> eligible(agent, contact, skippedAgentId))
                .orElseGet(() -> bestFreeAgent(contact, skippedAgentId));
        if (chosen != null) {
            offer(contact, chosen);
            return;
        }
        contact.state = ContactState.QUEUED;
        line.add(contact, clock.instant());
        if (!alreadyAnnounced) {
            decisions.add(new Decision.Queued(contact.id(), contact.channel()));
        }
    }

    /** The best fit (highest proficiency on the required skills), then the most deserving. */
    private RoutedAgent bestFreeAgent(RoutedContact contact, String skippedAgentId) {
        RoutedAgent best = null;
        int bestFit = 0;
        for (RoutedAgent agent : roster.routableWith(contact.request.skills().keySet())) {
            if (!eligible(agent, contact, skippedAgentId)) {
                continue;
            }
            int fit = agent.profile.fit(contact.request.skills());
            if (best == null || fit > bestFit || (fit == bestFit && DESERVING.compare(agent, best) < 0)) {
                best = agent;
                bestFit = fit;
            }
        }
        return best;
    }

    private void scheduleRelax(RoutedContact contact) {
        if (!contact.relaxed && !contact.request.skills().isEmpty()) {
            deadlines.add(Deadlines.Kind.RELAX, contact.id(), 0, contact.arrivedAt.plus(rules.relaxAfter()));
        }
    }

    private static boolean eligible(RoutedAgent agent, RoutedContact contact, String skippedAgentId) {
        return !agent.id().equals(skippedAgentId) && agent.canTake(contact.channel())
                && agent.profile.meets(contact.requiredSkills());
    }

    private void fill(RoutedAgent agent) {
        fill(agent, null);
    }

    /**
     * Offers waiting contacts to the agent while it has room. An agent that just let a contact go
     * (rejected, timed out) is offered other contacts first; the one it let go comes back to it
     * only when nothing else waits for it, so it never sits free while that customer waits.
     * Before this, the contact was offered to every other free eligible agent (see requeue).
     */
    private void fill(RoutedAgent agent, String letGoContactId) {
        for (RoutedContact next = line.nextFor(agent, letGoContactId); next != null;
             next = line.nextFor(agent, letGoContactId)) {
            line.remove(next, clock.instant());
            offer(next, agent);
        }
        if (letGoContactId != null) {
            fill(agent, null);
        }
    }

    private void offer(RoutedContact contact, RoutedAgent agent) {
        Instant expiresAt = clock.instant().plus(rules.offerTimeout());
        contact.state = ContactState.OFFERED;
        contact.agentId = agent.id();
        contact.offerSerial = ++offerSerials;
        agent.active.put(contact.id(), contact);
        agent.idleSince = null;
        touched.putIfAbsent(agent, null);
        deadlines.add(Deadlines.Kind.OFFER_EXPIRY, contact.id(), contact.offerSerial, expiresAt);
        decisions.add(new Decision.Offered(contact.id(), contact.channel(), agent.id(), expiresAt));
    }

    private RoutedContact offeredTo(String agentId, String contactId) {
        RoutedContact contact = contacts.get(contactId);
        if (!roster.contains(agentId)) {
            decisions.add(new Decision.Refused(Refusal.UNKNOWN_AGENT));
            return null;
        }
        if (contact == null) {
            decisions.add(new Decision.Refused(Refusal.UNKNOWN_CONTACT));
            return null;
        }
        if (contact.state != ContactState.OFFERED || !agentId.equals(contact.agentId)) {
            decisions.add(new Decision.Refused(Refusal.NOT_YOUR_OFFER));
            return null;
        }
        return contact;
    }

    private void reportPresenceChanges() {
        Instant now = clock.instant();
        touched.forEach((agent, reason) -> {
            if (!roster.contains(agent.id())) {
                return;
            }
            if (roster.updatePresence(agent, now)) {
                decisions.add(new Decision.PresenceChanged(agent.id(), agent.presence, reason));
            }
        });
    }

    private void withAgent(String agentId, Consumer<RoutedAgent> action) {
        RoutedAgent agent = roster.get(agentId);
        if (agent == null) {
            decisions.add(new Decision.Refused(Refusal.UNKNOWN_AGENT));
        } else {
            action.accept(agent);
        }
    }

    private static List<RoutedContact> heldIn(RoutedAgent agent, ContactState state) {
        return agent.active.values().stream().filter(c -> c.state == state).toList();
    }

    // --- queries ---

    /** Position and estimated wait of a waiting contact; empty if it is not waiting. */
    public Optional<WaitingView> waiting(String contactId) {
        RoutedContact contact = contacts.get(contactId);
        if (contact == null || contact.state != ContactState.QUEUED) {
            return Optional.empty();
        }
        int position = line.position(contact);
        long estimate = waits.estimateSeconds(contact.line, position, clock.instant(), () -> skilledSlots(contact));
        return Optional.of(new WaitingView(position, estimate));
    }

    /** Concurrent slots on the contact's channel of connected agents who have its skills. */
    private int skilledSlots(RoutedContact contact) {
        int slots = 0;
        for (RoutedAgent agent : roster.all()) {
            if (agent.connected && agent.profile.meets(contact.requiredSkills())) {
                slots += agent.profile.capacityFor(contact.channel());
            }
        }
        return slots;
    }

    public Optional<AgentView> agent(String agentId) {
        RoutedAgent agent = roster.get(agentId);
        if (agent == null) {
            return Optional.empty();
        }
        return Optional.of(new AgentView(agent.id(), agent.presence, agent.idleSince,
                heldIn(agent, ContactState.OFFERED).stream().map(RoutedContact::id).toList(),
                heldIn(agent, ContactState.CONNECTED).stream().map(RoutedContact::id).toList()));
    }

    public QueueStats stats() {
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, line.waiting(channel));
        }
        return new QueueStats(line.size(), line.callbacks(), line.oldestArrival().orElse(null), byChannel,
                roster.countsByPresence());
    }

    /** The arrival order of a live contact, which a restore hands back to keep its place. */
    public OptionalLong arrivalOrder(String contactId) {
        RoutedContact contact = contacts.get(contactId);
        return contact == null ? OptionalLong.empty() : OptionalLong.of(contact.seq);
    }

    /** When the next deadline falls due; the shell sends {@link Tick} then. */
    public Optional<Instant> nextDeadline() {
        return deadlines.next();
    }
}
