package io.welcomer.routing;

import io.welcomer.routing.Command.AcceptOffer;
import io.welcomer.routing.Command.ArriveContact;
import io.welcomer.routing.Command.CancelTransfer;
import io.welcomer.routing.Command.ChangePriority;
import io.welcomer.routing.Command.CompleteContact;
import io.welcomer.routing.Command.ConfigureLine;
import io.welcomer.routing.Command.ConnectAgent;
import io.welcomer.routing.Command.CustomerLeave;
import io.welcomer.routing.Command.DisconnectAgent;
import io.welcomer.routing.Command.EndContact;
import io.welcomer.routing.Command.ForgetCustomer;
import io.welcomer.routing.Command.MakeAvailable;
import io.welcomer.routing.Command.MoveContact;
import io.welcomer.routing.Command.RegisterAgent;
import io.welcomer.routing.Command.RejectOffer;
import io.welcomer.routing.Command.RemoveAgent;
import io.welcomer.routing.Command.RemoveLine;
import io.welcomer.routing.Command.RequestCallback;
import io.welcomer.routing.Command.RestoreContact;
import io.welcomer.routing.Command.RestoreFollowUp;
import io.welcomer.routing.Command.RestoreRelationship;
import io.welcomer.routing.Command.RestoreWaitEnded;
import io.welcomer.routing.Command.ResumeArrivals;
import io.welcomer.routing.Command.ScheduleFollowUp;
import io.welcomer.routing.Command.SendAway;
import io.welcomer.routing.Command.SignOut;
import io.welcomer.routing.Command.StepAway;
import io.welcomer.routing.Command.Tick;
import io.welcomer.routing.Command.TransferContact;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The routing core: takes one command at a time and returns what it decided. Plain Java with no
 * I/O and time from an injected clock, so the same rules run live and in virtual time. Not
 * thread-safe by design: one writer feeds it. It keeps the state and a contact's arrival; an
 * offer's answer and the conversation are in Conversations, the other rules in Matching,
 * Attendance, Customers, Transfers, FollowUps, Lines, Overflows, Timers,
 * Restores and Supervision, and what a waiting contact is told in HonestWaits.
 */
public final class Router {

    /** Outcome code of a contact whose customer and agent both left before it was completed. */
    public static final String AGENT_LOST = "agent-lost";
    /** Outcome code of a contact completed for its agent when the channel's wrap-up limit passed. */
    public static final String WRAP_UP_EXPIRED = "wrap-up-expired";

    final RoutingRules rules;
    private final InstantSource clock;
    final WaitEstimator waits = new WaitEstimator();
    final Relationships relationships;
    final Roster roster = new Roster();
    final Map<String, RoutedContact> contacts = new HashMap<>();
    final Lines lines = new Lines(this);
    final WaitingLine queue = new WaitingLine(waits, lines::counted);
    final Deadlines deadlines = new Deadlines();
    final Transfers transfers = new Transfers(this);
    final FollowUps followUps = new FollowUps(this);
    final Matching matching = new Matching(this);
    final Conversations conversations = new Conversations(this);
    final Overflows overflows = new Overflows(this);
    private final Timers timers = new Timers(this);
    private final Attendance attendance = new Attendance(this);
    private final Restores restores = new Restores(this);
    private final Supervision supervision = new Supervision(this);
    private final HonestWaits honestWaits = new HonestWaits(this, waits);
    private final Customers customers = new Customers(this);
    long nextSeq = 1;
    /** The latest arrival time given: arrival times never run backwards, so they agree with {@link #nextSeq}. */
    private Instant lastArrival = Instant.MIN;
    long offerSerials;

    // Per command: what was decided, and which agents may have changed presence.
    private List<Decision> decisions;
    private Set<RoutedAgent> touched;

    public Router(RoutingRules rules, InstantSource clock) {
        this.rules = rules;
        this.clock = clock;
        this.relationships = new Relationships(rules.repeatWindow());
    }

    /** Handles one command to completion and returns its decisions, in the order they happened. */
    public List<Decision> handle(Command command) {
        decisions = new ArrayList<>();
        touched = new LinkedHashSet<>();
        switch (command) {
            case RegisterAgent c -> attendance.register(c.profile());
            case RemoveAgent c -> withAgent(c.agentId(), attendance::remove);
            case ConnectAgent c -> withAgent(c.agentId(), attendance::connect);
            case DisconnectAgent c -> withAgent(c.agentId(), attendance::disconnect);
            case MakeAvailable c -> withAgent(c.agentId(), attendance::makeAvailable);
            case StepAway c -> withAgent(c.agentId(),
                    agent -> attendance.stepAway(agent, c.reason(), c.afterCurrent(), null));
            case SendAway c -> withAgent(c.agentId(),
                    agent -> attendance.stepAway(agent, c.reason(), c.afterCurrent(), c.by()));
            case SignOut c -> withAgent(c.agentId(), agent -> attendance.signOut(agent, c.by()));
            case MoveContact c -> supervision.move(c);
            case ChangePriority c -> supervision.changePriority(c);
            case ConfigureLine c -> lines.configure(c.line());
            case RemoveLine c -> lines.remove(c.lineId());
            case ArriveContact c -> arrive(c.request());
            case AcceptOffer c -> conversations.accept(c.agentId(), c.contactId());
            case RejectOffer c -> conversations.reject(c.agentId(), c.contactId());
            case EndContact c -> conversations.end(c.agentId(), c.contactId());
            case CompleteContact c -> conversations.complete(c.agentId(), c.contactId(), c.outcome());
            case TransferContact c -> transfers.transfer(c);
            case CancelTransfer c -> transfers.cancel(c.agentId(), c.contactId());
            case ScheduleFollowUp c -> followUps.schedule(c);
            case RestoreFollowUp c -> followUps.promise(c.followUp());
            case RequestCallback c -> customers.requestCallback(c.contactId());
            case CustomerLeave c -> customers.leave(c.contactId());
            case Tick c -> timers.fireDue();
            case RestoreContact c -> restores.restore(c);
            case RestoreRelationship c -> relationships.remember(c.customerId(), c.agentId(), c.connectedAt());
            case RestoreWaitEnded c -> lines.waitEnded(c);
            case ResumeArrivals c -> resumeArrivals(c);
            case ForgetCustomer c -> forget(c.customerId());
        }
        if (command instanceof RegisterAgent || command instanceof RemoveAgent || command instanceof ConnectAgent
                || command instanceof DisconnectAgent || command instanceof SignOut) {
            lines.counted();
        }
        attendance.reportChanges(touched);
        return decisions;
    }

    // --- contacts ---

    /** A new contact, in the line it names (which must take its channel) or an implicit one. */
    private void arrive(ContactRequest request) {
        LineState line = request.line() == null ? null : lines.get(request.line());
        Refusal refusal = contacts.containsKey(request.contactId()) ? Refusal.DUPLICATE_CONTACT
                : request.line() != null && line == null ? Refusal.UNKNOWN_LINE
                : line != null && !line.line.channels().contains(request.channel()) ? Refusal.CHANNEL_NOT_TAKEN
                : null;
        if (refusal != null) {
            refuse(refusal);
            return;
        }
        if (rules.rejectUnservable() && roster.couldServe(
                Coverage.Need.of(line == null ? request : request.within(line.line))).registered == 0) {
            refuse(Refusal.UNSERVABLE);
            return;
        }
        RoutedContact contact = new RoutedContact(request, line, nextSeq++, arrivalTime(), rules.priorityAging());
        contacts.put(contact.id(), contact);
        matching.scheduleRelax(contact);
        overflows.arrived(contact);
        matching.place(contact, null, false);
    }

    // --- for the rules kept in their own classes ---

    Instant now() {
        return clock.instant();
    }

    void decide(Decision decision) {
        decisions.add(decision);
    }

    void refuse(Refusal refusal) {
        decisions.add(new Decision.Refused(refusal));
    }

    /** The agent's presence may have changed: it is reported once the command is done. */
    void touch(RoutedAgent agent) {
        touched.add(agent);
    }

    private void withAgent(String agentId, Consumer<RoutedAgent> action) {
        RoutedAgent agent = roster.get(agentId);
        if (agent == null) {
            refuse(Refusal.UNKNOWN_AGENT);
        } else {
            action.accept(agent);
        }
    }

    static List<RoutedContact> heldIn(RoutedAgent agent, ContactState state) {
        return agent.active().values().stream().filter(c -> c.state == state).toList();
    }

    // --- queries ---

    /** Where a waiting contact stands and what it is honestly told (see HonestWaits); empty if it is not waiting. */
    public Optional<WaitingView> waiting(String contactId) {
        RoutedContact contact = contacts.get(contactId);
        if (contact == null || contact.state != ContactState.QUEUED) {
            return Optional.empty();
        }
        return Optional.of(honestWaits.of(contact));
    }

    /** A configured line as it stands now; empty if there is no such line. */
    public Optional<LineStatus> line(String lineId) {
        LineState state = lines.get(lineId);
        return state == null ? Optional.empty() : Optional.of(lines.status(state));
    }

    /** Every configured line as it stands now, by id. */
    public List<LineStatus> configuredLines() {
        return lines.statuses();
    }

    public Optional<AgentView> agent(String agentId) {
        return Optional.ofNullable(roster.get(agentId)).map(agent -> new AgentView(agent.id(), agent.presence,
                agent.idleSince, heldIn(agent, ContactState.OFFERED).stream().map(RoutedContact::id).toList(),
                heldIn(agent, ContactState.CONNECTED).stream().map(RoutedContact::id).toList(),
                heldIn(agent, ContactState.WRAPPING).stream().map(RoutedContact::id).toList(),
                List.copyOf(agent.transfersIn().keySet()), followUps.promisedTo(agentId)));
    }

    public QueueStats stats() {
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, queue.waiting(channel));
        }
        return new QueueStats(queue.size(), queue.callbacks(), queue.oldestArrival().orElse(null), byChannel,
                roster.countsByPresence(), lines.figures());
    }

    /** The queues with contacts waiting, longest wait first. */
    public List<LineView> lines() {
        return queue.lineViews().stream()
                .sorted(Comparator.comparing(LineView::oldestArrival))
                .toList();
    }

    /**
     * The contacts waiting longest, at most {@code limit}, by arrival: those in line and those
     * waiting for one agent alike. A scan of the live contacts, for the floor view.
     */
    public List<WaitingContact> longestWaiting(int limit) {
        return contacts.values().stream()
                .filter(contact -> contact.state == ContactState.QUEUED)
                .sorted(Comparator.comparingLong(contact -> contact.seq))
                .limit(limit)
                .map(contact -> new WaitingContact(contact.id(), contact.channel(),
                        contact.line == null ? null : contact.line.line.id(), contact.request.priority(),
                        contact.arrivedAt, contact.callback, contact.reservedFor))
                .toList();
    }

    /** Where and when a live contact arrived, which the store keeps and a restore hands back. */
    public Optional<Arrived> arrived(String contactId) {
        RoutedContact contact = contacts.get(contactId);
        return contact == null ? Optional.empty() : Optional.of(new Arrived(contact.seq, contact.arrivedAt));
    }

    /**
     * Now, or the latest arrival time if the clock went back: records are read in arrival order by
     * time, so a later arrival never has an earlier time.
     */
    Instant arrivalTime() {
        Instant now = clock.instant();
        if (now.isAfter(lastArrival)) {
            lastArrival = now;
        }
        return lastArrival;
    }

    private void resumeArrivals(ResumeArrivals resumed) {
        nextSeq = Math.max(nextSeq, resumed.lastSeq() + 1);
        if (resumed.lastArrivedAt().isAfter(lastArrival)) {
            lastArrival = resumed.lastArrivedAt();
        }
    }

    /** Erasure: routing forgets who served the customer, unless the customer is still being served. */
    private void forget(String customerId) {
        boolean live = contacts.values().stream().anyMatch(c -> c.request.customerId().equals(customerId));
        if (live || followUps.promisedForCustomer(customerId)) {
            refuse(Refusal.CUSTOMER_LIVE);
            return;
        }
        relationships.forget(customerId);
    }

    /** When the next deadline falls due; the shell sends {@link Tick} then. */
    public Optional<Instant> nextDeadline() {
        return deadlines.next();
    }
}
