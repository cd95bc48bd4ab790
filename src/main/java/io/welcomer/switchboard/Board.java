package io.welcomer.switchboard;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.welcomer.routing.AgentView;
import io.welcomer.routing.Arrived;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.LineStatus;
import io.welcomer.routing.LineView;
import io.welcomer.routing.QueueStats;
import io.welcomer.routing.Router;
import io.welcomer.routing.RoutingRules;
import io.welcomer.routing.WaitingContact;
import io.welcomer.routing.WaitingView;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEvent;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The routing state and its one door to the store: the router, the live contacts as stored,
 * the deadline timer and the journal. It is safe on the routing context only, so only work run
 * there holds it: what {@link RoutingLoop#onLoop} runs, and the {@link DecisionListener}s.
 */
public final class Board {

    private static final Logger LOG = Logger.getLogger(Board.class);

    private final RoutingRules rules;
    private final InstantSource clock;
    private final List<DecisionListener> listeners;
    private final Journal journal;
    private final Tenure tenure;
    private final DeadlineTimer timer;
    private Router router;
    private ContactRecords records;

    Board(Vertx vertx, Context loop, RoutingRules rules, InstantSource clock, List<DecisionListener> listeners,
          Journal journal, Tenure tenure) {
        this.rules = rules;
        this.clock = clock;
        this.listeners = listeners;
        this.journal = journal;
        this.tenure = tenure;
        this.timer = new DeadlineTimer(vertx, loop, clock, this::tick);
        clear();
    }

    /**
     * Asks the router without storing anything yet; pass the decisions to {@link #settle}. Throws
     * {@link StoreUnavailable}, deciding nothing, while the store cannot take the writes. A
     * deadline already due (its timer not fired yet) is handled first, so every command meets the
     * state of its own time: a contact posted as its line closes finds the line closed.
     */
    public List<Decision> decide(Command command) {
        tenure.checkAccepting();
        if (!(command instanceof Command.Tick)
                && router.nextDeadline().filter(due -> !due.isAfter(clock.instant())).isPresent()) {
            tick();
        }
        return router.handle(command);
    }

    public Uni<List<Decision>> execute(Command command) {
        return execute(command, List.of());
    }

    /** Decides, stores the decisions with {@code extraWrites} in one commit, then tells the listeners. */
    public Uni<List<Decision>> execute(Command command, List<Write> extraWrites) {
        return settle(command, decide(command), null, extraWrites).map(Committed::decisions);
    }

    /**
     * Stores what the router decided (inserting {@code createdContactId}, which must be tracked)
     * and, once committed, tells the listeners and answers what they were told. Fails, telling
     * nobody, if the store refused.
     */
    public Uni<Committed> settle(Command command, List<Decision> decisions, String createdContactId,
                                 List<Write> extraWrites) {
        ContactRecords.Applied applied = records.apply(command, decisions, clock.instant(), createdContactId,
                this::arrivedOf);
        List<Write> writes = new ArrayList<>(extraWrites);
        writes.addAll(applied.writes());
        List<ContactEvent> events = new ArrayList<>();
        for (Write write : writes) {
            if (write instanceof Write.AppendEvent appended) {
                events.add(appended.event());
            }
        }
        Committed committed = new Committed(command, decisions, applied.decided(), events, router.stats());
        afterCommand();
        return commit(writes).invoke(() -> listeners.forEach(listener -> listener.committed(committed)))
                .replaceWith(committed);
    }

    /**
     * Stores writes that no routing decision made (a token, say), in turn with the rest. A write
     * that fails for good may leave the router ahead of the store, so the loop rebuilds from the
     * store; only a new contact whose own values were refused is left to its intake to withdraw.
     */
    public Uni<Void> commit(List<Write> writes) {
        try {
            tenure.checkAccepting();
        } catch (StoreUnavailable unavailable) {
            return Uni.createFrom().failure(unavailable);
        }
        return Uni.createFrom().emitter(emitter -> journal.append(new Journal.Entry(writes, failure -> {
            if (failure == null) {
                emitter.complete(null);
                return;
            }
            // Fenced, the lease steps down instead; a new contact's refused values are withdrawn by its intake.
            if (!(failure instanceof Fenced)
                    && !(failure instanceof StoreRefused && writes.stream().anyMatch(Write.InsertContact.class::isInstance))) {
                tenure.resync();
            }
            emitter.fail(failure);
        })));
    }

    /** Starts tracking a contact about to arrive; its row is inserted by the {@link #settle} that creates it. */
    public void track(Contact contact) {
        records.track(contact);
    }

    /** Forgets a contact whose first write failed: it was never acknowledged. */
    public void forget(String contactId) {
        records.forget(contactId);
    }

    /** A live contact as last decided; null once it ended. */
    public Contact contact(String contactId) {
        return records.get(contactId);
    }

    /** The follow-ups this agent promised that are not due yet, soonest first. */
    public List<PendingFollowUp> followUpsOf(String agentId) {
        return records.promisedBy(agentId);
    }

    private Arrived arrivedOf(String contactId) {
        return router.arrived(contactId).orElseThrow();
    }

    public Optional<WaitingView> waiting(String contactId) {
        return router.waiting(contactId);
    }

    public Optional<AgentView> agent(String agentId) {
        return router.agent(agentId);
    }

    /** Where and when a live contact arrived, as its row keeps it. */
    public Optional<Arrived> arrived(String contactId) {
        return router.arrived(contactId);
    }

    public QueueStats stats() {
        return router.stats();
    }

    /** The queues with contacts waiting, for the supervisor's floor view. */
    public List<LineView> lines() {
        return router.lines();
    }

    /** The contacts waiting longest, at most {@code limit}, by arrival, for the supervisor's floor view. */
    public List<WaitingContact> longestWaiting(int limit) {
        return router.longestWaiting(limit);
    }

    /** A configured line as it stands now; empty if there is none. */
    public Optional<LineStatus> line(String lineId) {
        return router.line(lineId);
    }

    /** Every configured line as it stands now, by id. */
    public List<LineStatus> configuredLines() {
        return router.configuredLines();
    }

    /** Forgets the routing state (lost the lease, or about to rebuild): an empty router, no timer. */
    void clear() {
        timer.cancel();
        router = new Router(rules, clock);
        records = new ContactRecords(0);
    }

    /** This process lost the lease: the state is forgotten and the listeners let go of what they serve. */
    void stepDown() {
        clear();
        listeners.forEach(DecisionListener::steppedDown);
    }

    /**
     * Replays the store's state into an empty router; answers the commit of what the replay
     * wrote, which is stored before anything the listeners do next (an agent reconnected).
     */
    Uni<Void> restore(Restoration.Snapshot snapshot) {
        records = new ContactRecords(snapshot.lastEventId());
        List<Write> writes = Restoration.replay(snapshot, router, records, clock.instant());
        Uni<Void> stored = commit(writes);
        listeners.forEach(listener -> listener.restored(snapshot, this));
        LOG.infof("routing state restored: %d agents, %d live contacts", snapshot.agents().size(),
                snapshot.liveContacts().size());
        afterCommand();
        return stored;
    }

    /** After every command: arm the timer for the router's next deadline. */
    private void afterCommand() {
        router.nextDeadline().ifPresent(timer::arm);
    }

    private void tick() {
        if (tenure.leading()) {
            execute(new Command.Tick()).subscribe().with(decisions -> { },
                    failure -> LOG.error("storing timer decisions failed", failure));
        }
    }
}
