package io.welcomer.switchboard;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.welcomer.agents.persistence.AgentEntity;
import io.welcomer.agents.persistence.AgentTokenEntity;
import io.welcomer.agents.ws.AgentLinks;
import io.welcomer.agents.ws.Frames;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.events.EventFeed;
import io.welcomer.insights.RepeatWatch;
import io.welcomer.ops.RoutingMetrics;
import io.welcomer.routing.AgentView;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.Decision;
import io.welcomer.routing.QueueStats;
import io.welcomer.routing.Refusal;
import io.welcomer.routing.Router;
import io.welcomer.routing.RoutingRules;
import io.welcomer.security.AgentTokens;
import io.welcomer.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The reactive shell around the router: one Vert.x context is the single writer. Every command
 * hops onto it, is decided by the router, is stored through the group-commit journal, and only
 * then reaches agents (frames), gateways (responses) and metrics.
 */
@ApplicationScoped
public class Switchboard {

    private static final Logger LOG = Logger.getLogger(Switchboard.class);
    /** Start-up waits this long at most for the store; readiness stays down until it is done. */
    private static final Duration START_BOUND = Duration.ofMinutes(2);

    /** A contact's standing as a gateway sees it right after a command. */
    public record Standing(ContactEntity contact, Integer position, Long estimatedWaitSeconds) {}

    /** The answer to an intake: the contact's standing and whether this request created it. */
    public record Admission(Standing standing, boolean created) {}

    /** An agent's profile with its live routing state. */
    public record AgentCard(AgentEntity profile, AgentView live) {}

    private final Vertx vertx;
    private final Store store;
    private final WelcomerConfig config;
    private final RoutingRules rules;
    private final AgentLinks links;
    private final AgentTokens tokens;
    private final RoutingMetrics metrics;
    private final EventFeed events;
    private final InstantSource clock = InstantSource.system();

    // Everything below is touched only on the routing context.
    private Context loop;
    private Router router;
    private Journal journal;
    private ContactRecords records;
    private RepeatWatch repeats;
    private final Map<String, AgentEntity> agents = new HashMap<>();
    private final Map<String, String> liveByIdempotencyKey = new HashMap<>();
    private long timerId = -1;
    private Instant timerAt;
    private volatile boolean ready;

    Switchboard(Vertx vertx, Store store, WelcomerConfig config, RoutingRules rules, AgentLinks links,
                AgentTokens tokens, RoutingMetrics metrics, EventFeed events) {
        this.vertx = vertx;
        this.store = store;
        this.config = config;
        this.rules = rules;
        this.links = links;
        this.tokens = tokens;
        this.metrics = metrics;
        this.events = events;
    }

    /** Rebuilds the routing state from the store before the server takes traffic. */
    void start(@Observes StartupEvent event) {
        loop = vertx.getOrCreateContext();
        router = new Router(rules, clock);
        journal = new Journal(store, loop);
        repeats = new RepeatWatch(config.repeatWindow());
        Instant windowOpen = clock.instant().minus(config.repeatWindow());
        Restoration.Snapshot snapshot = store.onFreshContext(loop, sessions -> Restoration.load(sessions, windowOpen))
                .await().atMost(START_BOUND);
        onLoop(() -> restore(snapshot)).await().atMost(START_BOUND);
        ready = true;
    }

    private Uni<Void> restore(Restoration.Snapshot snapshot) {
        records = new ContactRecords(snapshot.lastEventId());
        for (AgentEntity agent : snapshot.agents()) {
            agents.put(agent.id, agent);
            router.handle(new Command.RegisterAgent(AgentProfiles.of(agent)));
        }
        snapshot.tokens().forEach(token -> tokens.add(token.tokenHash, token.agentId));
        snapshot.served().forEach(served -> router.handle(
                new Command.RestoreRelationship(served.customerId(), served.agentId(), served.connectedAt())));
        snapshot.ended().forEach(ended -> repeats.ended(ended.customerId(), ended.contactId(), ended.endedAt()));
        List<Write> writes = new ArrayList<>();
        for (ContactEntity contact : snapshot.liveContacts()) {
            records.track(contact);
            rememberKey(contact);
            List<Decision> decisions = router.handle(new Command.RestoreContact(ContactRequests.of(contact),
                    contact.arrivalSeq, contact.createdAt, ContactState.valueOf(contact.state), contact.agentId,
                    contact.connectedAt, ContactRecords.CALLBACK.equals(contact.mode)));
            writes.addAll(records.apply(decisions, clock.instant(), null));
        }
        LOG.infof("routing state restored: %d agents, %d live contacts", agents.size(), snapshot.liveContacts().size());
        afterCommand();
        return commit(writes);
    }

    public boolean ready() {
        return ready;
    }

    // --- contacts ---

    /** Routes a new contact, or answers the contact this gateway's idempotency key already made. */
    public Uni<Admission> admit(ContactEntity contact) {
        return onLoop(() -> {
            String key = keyOf(contact);
            String existing = key == null ? null : liveByIdempotencyKey.get(key);
            if (existing != null) {
                // Answered only once the first request's writes are committed.
                ContactEntity first = records.get(existing);
                return commit(List.of()).map(ignored -> new Admission(standing(first), false));
            }
            contact.arrivalSeq = 0;
            records.track(contact);
            rememberKey(contact);
            Command arrival = new Command.ArriveContact(ContactRequests.of(contact));
            List<Decision> decisions = router.handle(arrival);
            contact.arrivalSeq = router.arrivalOrder(contact.id).orElseThrow();
            Optional<String> repeated = repeats.arrival(contact.customerId, clock.instant());
            Uni<List<Decision>> stored = settle(arrival, decisions, contact.id,
                    repeated.map(earlier -> List.<Write>of(new Write.MarkRepeated(earlier, contact.id))).orElse(List.of()));
            // Taken as decided, while it is the newest arrival: its position is then cheap to count.
            Standing standing = standing(contact);
            return stored
                    .invoke(() -> {
                        metrics.created(ContactRequests.channelOf(contact));
                        repeated.ifPresent(earlier -> metrics.repeat());
                    })
                    .onFailure().invoke(failure -> withdraw(contact))
                    .map(ignored -> new Admission(standing, true));
        });
    }

    /** Where a live contact stands now; empty if it is not live. */
    public Uni<Optional<Standing>> standing(String contactId) {
        return onLoop(() -> {
            ContactEntity contact = records.get(contactId);
            return Uni.createFrom().item(Optional.ofNullable(contact == null ? null : standing(contact)));
        });
    }

    /**
     * The waiting customer hangs up to be called back on this number, keeping their place.
     * Answers the standing, or the refusal; empty if the contact is not live.
     */
    public Uni<Optional<Standing>> arrangeCallback(String contactId, String number) {
        return onLoop(() -> {
            ContactEntity contact = records.get(contactId);
            if (contact == null) {
                return Uni.createFrom().item(Optional.<Standing>empty());
            }
            Command command = new Command.RequestCallback(contactId);
            List<Decision> decisions = router.handle(command);
            for (Decision decision : decisions) {
                if (decision instanceof Decision.Refused refused) {
                    return Uni.createFrom().failure(new RoutingRefused(refused.refusal()));
                }
            }
            contact.callbackNumber = number;
            Uni<List<Decision>> stored = settle(command, decisions, null, List.of());
            Standing standing = standing(contact);
            return stored.map(ignored -> Optional.of(standing));
        });
    }

    /** The customer left; empty if the contact is not live. */
    public Uni<Optional<Standing>> customerLeft(String contactId) {
        return onLoop(() -> {
            ContactEntity contact = records.get(contactId);
            if (contact == null) {
                return Uni.createFrom().item(Optional.<Standing>empty());
            }
            return execute(new Command.CustomerLeave(contactId))
                    .map(ignored -> Optional.of(new Standing(contact.snapshot(), null, null)));
        });
    }

    // --- agents ---

    /** Creates or replaces an agent; answers whether it was created. */
    public Uni<Boolean> saveAgent(AgentEntity agent) {
        return onLoop(() -> {
            boolean created = !agents.containsKey(agent.id);
            agents.put(agent.id, agent);
            return execute(new Command.RegisterAgent(AgentProfiles.of(agent)), List.of(new Write.SaveAgent(agent)))
                    .map(ignored -> created);
        });
    }

    public Uni<List<AgentCard>> agents() {
        return onLoop(() -> Uni.createFrom().item(agents.values().stream()
                .sorted(java.util.Comparator.comparing(agent -> agent.id))
                .map(this::card)
                .toList()));
    }

    public Uni<Optional<AgentCard>> agent(String agentId) {
        return onLoop(() -> Uni.createFrom().item(Optional.ofNullable(agents.get(agentId)).map(this::card)));
    }

    /** Issues a new token for the agent; empty if there is no such agent. */
    public Uni<Optional<String>> issueToken(String agentId) {
        return onLoop(() -> {
            if (!agents.containsKey(agentId)) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            String token = Secrets.newToken();
            AgentTokenEntity stored = new AgentTokenEntity();
            stored.tokenHash = Secrets.sha256Hex(token);
            stored.agentId = agentId;
            stored.createdAt = clock.instant();
            return commit(List.of(new Write.SaveToken(stored)))
                    .invoke(() -> tokens.add(stored.tokenHash, agentId))
                    .map(ignored -> Optional.of(token));
        });
    }

    /** Signs the agent out and deletes it; its contacts are routed elsewhere. False if unknown. */
    public Uni<Boolean> removeAgent(String agentId) {
        return onLoop(() -> {
            AgentEntity agent = agents.remove(agentId);
            if (agent == null) {
                return Uni.createFrom().item(false);
            }
            tokens.revokeAll(agentId);
            return execute(new Command.RemoveAgent(agentId), List.of(new Write.DeleteAgent(agent)))
                    .invoke(() -> links.drop(agentId))
                    .map(ignored -> true);
        });
    }

    // --- agent sessions ---

    public Uni<Void> agentOpened(String agentId, WebSocketConnection connection) {
        return onLoop(() -> {
            if (!agents.containsKey(agentId)) {
                connection.close().subscribe().with(ignored -> { }, failure -> { });
                return Uni.createFrom().voidItem();
            }
            WebSocketConnection replaced = links.open(agentId, connection);
            if (replaced != null) {
                replaced.close().subscribe().with(ignored -> { }, failure -> { });
            }
            return execute(new Command.ConnectAgent(agentId)).invoke(() -> links.send(agentId, hello(agentId)))
                    .replaceWithVoid();
        });
    }

    public Uni<Void> agentClosed(String agentId, WebSocketConnection connection) {
        return onLoop(() -> links.close(agentId, connection)
                ? execute(new Command.DisconnectAgent(agentId)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    /** A command from the agent's own session; answers the refusal, if the router refused it. */
    public Uni<Optional<Refusal>> agentSays(Command command) {
        return onLoop(() -> execute(command).map(decisions -> decisions.stream()
                .filter(Decision.Refused.class::isInstance)
                .map(refused -> ((Decision.Refused) refused).refusal())
                .findFirst()));
    }

    public Uni<QueueStats> stats() {
        return onLoop(() -> Uni.createFrom().item(router.stats()));
    }

    // --- the single writer ---

    /** Runs work on the routing context and answers on the caller's context. */
    private <T> Uni<T> onLoop(Supplier<Uni<T>> work) {
        Context caller = Vertx.currentContext();
        Uni<T> onLoop = Uni.createFrom().emitter(emitter -> loop.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
        return caller == null ? onLoop : onLoop.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private Uni<List<Decision>> execute(Command command) {
        return execute(command, List.of());
    }

    private Uni<List<Decision>> execute(Command command, List<Write> extraWrites) {
        return settle(command, router.handle(command), null, extraWrites);
    }

    /** Stores what the router decided, then tells agents and metrics. Runs on the routing context. */
    private Uni<List<Decision>> settle(Command command, List<Decision> decisions, String createdContactId,
                                       List<Write> extraWrites) {
        Instant now = clock.instant();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Completed || decision instanceof Decision.Abandoned) {
                ContactEntity ended = records.get(Decisions.contactOf(decision));
                if (ended != null) {
                    liveByIdempotencyKey.remove(keyOf(ended));
                    repeats.ended(ended.customerId, ended.id, now);
                }
            }
        }
        List<Write> writes = new ArrayList<>(extraWrites);
        writes.addAll(records.apply(decisions, now, createdContactId));
        // Offers and connections are told after the commit, with the contact as it was decided.
        Map<String, ContactEntity> decided = new HashMap<>();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Offered || decision instanceof Decision.Connected) {
                String contactId = Decisions.contactOf(decision);
                decided.put(contactId, records.get(contactId).snapshot());
            }
        }
        afterCommand();
        return commit(writes).invoke(() -> {
            dispatch(command, decisions, decided);
            for (Write write : writes) {
                if (write instanceof Write.AppendEvent appended) {
                    events.publish(appended.event());
                }
            }
        }).replaceWith(decisions);
    }

    private Uni<Void> commit(List<Write> writes) {
        return Uni.createFrom().emitter(emitter -> journal.append(new Journal.Entry(writes, failure -> {
            if (failure == null) {
                emitter.complete(null);
            } else {
                emitter.fail(failure);
            }
        })));
    }

    private void dispatch(Command command, List<Decision> decisions, Map<String, ContactEntity> decided) {
        for (Decision decision : decisions) {
            metrics.record(decision);
            switch (decision) {
                case Decision.Offered d -> {
                    ContactEntity contact = decided.get(d.contactId());
                    links.send(d.agentId(), () -> store.onFreshContext(loop, sessions -> Offers.frame(sessions, contact, d.expiresAt(), clock)));
                }
                case Decision.OfferRevoked d ->
                        links.send(d.agentId(), new Frames.OfferRevoked(d.contactId(), d.reason().wireName()));
                case Decision.Connected d -> links.send(d.agentId(),
                        new Frames.Connected(d.contactId(), decided.get(d.contactId()).callbackNumber));
                case Decision.CustomerLeft d -> links.send(d.agentId(), new Frames.CustomerLeft(d.contactId()));
                case Decision.PresenceChanged d -> {
                    // A new session learns its presence from hello.
                    if (!(command instanceof Command.ConnectAgent)) {
                        links.send(d.agentId(), new Frames.PresenceChanged(d.presence(), d.reason()));
                    }
                }
                case Decision.Queued d -> { }
                case Decision.Requeued d -> { }
                case Decision.CallbackArranged d -> { }
                case Decision.Completed d -> { }
                case Decision.Abandoned d -> { }
                case Decision.Refused d -> { }
            }
        }
    }

    /** A contact whose first write failed was never acknowledged: take it out of routing. */
    private void withdraw(ContactEntity contact) {
        loop.runOnContext(ignored -> {
            records.forget(contact.id);
            liveByIdempotencyKey.remove(keyOf(contact));
            List<Decision> decisions = router.handle(new Command.CustomerLeave(contact.id)).stream()
                    .filter(decision -> !contact.id.equals(Decisions.contactOf(decision)))
                    .toList();
            settle(new Command.CustomerLeave(contact.id), decisions, null, List.of())
                    .subscribe().with(ignored2 -> { }, failure -> LOG.error("re-routing after a failed intake", failure));
        });
    }

    /** After every command: publish the figures and arm the timer for the router's next deadline. */
    private void afterCommand() {
        metrics.publish(router.stats());
        router.nextDeadline().ifPresent(next -> {
            if (timerId >= 0 && !next.isBefore(timerAt)) {
                return;
            }
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
            }
            timerAt = next;
            long delay = Math.max(1, Duration.between(clock.instant(), next).toMillis() + 1);
            timerId = vertx.setTimer(delay, id -> loop.runOnContext(ignored -> {
                timerId = -1;
                timerAt = null;
                execute(new Command.Tick()).subscribe().with(decisions -> { },
                        failure -> LOG.error("storing timer decisions failed", failure));
            }));
        });
    }

    private Standing standing(ContactEntity contact) {
        return router.waiting(contact.id)
                .map(waiting -> new Standing(contact.snapshot(), waiting.position(), waiting.estimatedWaitSeconds()))
                .orElseGet(() -> new Standing(contact.snapshot(), null, null));
    }

    private AgentCard card(AgentEntity agent) {
        return new AgentCard(agent, router.agent(agent.id).orElseThrow());
    }

    private Frames.Hello hello(String agentId) {
        AgentView view = router.agent(agentId).orElseThrow();
        List<Frames.ActiveContact> active = view.connectedContactIds().stream()
                .map(records::get)
                .map(contact -> new Frames.ActiveContact(contact.id, contact.state, contact.channel,
                        Offers.customerOf(contact), contact.topic))
                .toList();
        return new Frames.Hello(agentId, view.presence(), active);
    }

    private static String keyOf(ContactEntity contact) {
        return contact.idempotencyKey == null ? null : contact.gatewayId + "\n" + contact.idempotencyKey;
    }

    private void rememberKey(ContactEntity contact) {
        String key = keyOf(contact);
        if (key != null) {
            liveByIdempotencyKey.put(key, contact.id);
        }
    }
}
