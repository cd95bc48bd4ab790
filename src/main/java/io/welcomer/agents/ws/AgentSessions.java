package io.welcomer.agents.ws;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.welcomer.routing.AgentView;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.Presence;
import io.welcomer.store.Contact;
import io.welcomer.switchboard.Board;
import io.welcomer.switchboard.Committed;
import io.welcomer.switchboard.DecisionListener;
import io.welcomer.switchboard.Restoration;
import io.welcomer.switchboard.RoutingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An agent's session in routing: opening it connects the agent, closing it disconnects. After a
 * rebuild from the store every open session is connected again and told the truth (a fresh
 * hello), and an agent that was taking contacts takes them again.
 */
@ApplicationScoped
public class AgentSessions implements DecisionListener {

    /** Follow-ups one agent may have promised and not yet reached. */
    static final int MAX_FOLLOW_UPS = 100;
    private static final CloseReason STANDING_BY = new CloseReason(1013, "this server stands by; reconnect");
    private static final CloseReason SERVICE_RESTART = new CloseReason(1012, "routing moved to another server; reconnect");
    private static final CloseReason GOING_AWAY = new CloseReason(1001, "server stopping; reconnect");
    private static final Duration DEPARTURE_BOUND = Duration.ofSeconds(5);

    private final RoutingLoop loop;
    private final AgentLinks links;
    /** Agents whose last committed presence was taking contacts; touched on the routing context. */
    private final Set<String> taking = new HashSet<>();
    private volatile boolean stopping;

    AgentSessions(RoutingLoop loop, AgentLinks links) {
        this.loop = loop;
        this.links = links;
    }

    /** Makes this the agent's session (closing an older one) and greets it with its contacts. */
    public Uni<Void> opened(String agentId, WebSocketConnection connection) {
        if (stopping) {
            return connection.close(GOING_AWAY);
        }
        if (!loop.leading()) {
            return connection.close(STANDING_BY);
        }
        // The session's own context: its frames are built and sent there.
        Context home = Vertx.currentContext();
        return loop.onLoop(board -> {
            if (board.agent(agentId).isEmpty()) {
                connection.close().subscribe().with(ignored -> { }, failure -> { });
                return Uni.createFrom().voidItem();
            }
            // Decided first: refused while the store is unavailable, the session does not open.
            Uni<?> connected = board.execute(new Command.ConnectAgent(agentId));
            WebSocketConnection replaced = links.open(agentId, connection, home);
            if (replaced != null) {
                replaced.close().subscribe().with(ignored -> { }, failure -> { });
            }
            return connected.invoke(() -> links.send(agentId, hello(board, agentId))).replaceWithVoid();
        });
    }

    public Uni<Void> closed(String agentId, WebSocketConnection connection) {
        return loop.onLoop(board -> links.close(agentId, connection)
                ? board.execute(new Command.DisconnectAgent(agentId)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    /**
     * A command from the agent's own session; answers the error frame if it was refused. An
     * agent holds at most {@link #MAX_FOLLOW_UPS} promised follow-ups.
     */
    public Uni<Optional<Frames.Error>> says(Command command) {
        return loop.onLoop(board -> {
            if (command instanceof Command.ScheduleFollowUp promise) {
                if (board.followUpsOf(promise.agentId()).size() >= MAX_FOLLOW_UPS) {
                    return Uni.createFrom().item(Optional.of(new Frames.Error("too-many-follow-ups",
                            "an agent may have at most " + MAX_FOLLOW_UPS + " follow-ups not yet due")));
                }
            }
            return board.execute(command).map(decisions -> decisions.stream()
                    .filter(Decision.Refused.class::isInstance)
                    .map(refused -> ((Decision.Refused) refused).refusal())
                    .map(refusal -> new Frames.Error(refusal.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            refusal.message()))
                    .findFirst());
        });
    }

    /**
     * The server is stopping (first thing on SIGTERM, while requests still run): each agent is
     * signed off (its offers go back to the line, stored), then its console is told to go
     * elsewhere with 1001 "going away" and reconnects to whichever server answers. A session that
     * opens from now on is sent away at once.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        loop.onLoop(board -> {
            List<Uni<Void>> departures = new ArrayList<>();
            for (String agentId : links.agentIds()) {
                WebSocketConnection connection = links.connection(agentId);
                links.close(agentId, connection);
                departures.add(board.execute(new Command.DisconnectAgent(agentId)).replaceWithVoid()
                        .onFailure().recoverWithNull()
                        .chain(() -> connection.close(GOING_AWAY))
                        .onFailure().recoverWithNull());
            }
            return departures.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(departures).andCollectFailures().replaceWithVoid();
        }).await().atMost(DEPARTURE_BOUND);
    }

    /** This process lost the routing lease: every console reconnects, through the Service, to the new leader. */
    @Override
    public void steppedDown() {
        for (String agentId : links.agentIds()) {
            WebSocketConnection connection = links.connection(agentId);
            links.close(agentId, connection);
            connection.close(SERVICE_RESTART).subscribe().with(ignored -> { }, failure -> { });
        }
        taking.clear();
    }

    @Override
    public void committed(Committed committed) {
        for (Decision decision : committed.decisions()) {
            if (decision instanceof Decision.PresenceChanged changed) {
                if (changed.presence() == Presence.AVAILABLE || changed.presence() == Presence.BUSY) {
                    taking.add(changed.agentId());
                } else {
                    taking.remove(changed.agentId());
                }
            }
        }
    }

    @Override
    public void restored(Restoration.Snapshot snapshot, Board board) {
        for (String agentId : links.agentIds()) {
            if (board.agent(agentId).isEmpty()) {
                links.drop(agentId);
                continue;
            }
            boolean wasTaking = taking.contains(agentId);
            board.execute(new Command.ConnectAgent(agentId))
                    .invoke(() -> links.send(agentId, hello(board, agentId)))
                    .chain(() -> wasTaking ? board.execute(new Command.MakeAvailable(agentId)) : Uni.createFrom().nullItem())
                    .subscribe().with(ignored -> { }, failure -> { });
        }
        taking.clear();
    }

    private Frames.Hello hello(Board board, String agentId) {
        AgentView view = board.agent(agentId).orElseThrow();
        List<Frames.ActiveContact> active = Stream.concat(view.connectedContactIds().stream(),
                        view.wrappingContactIds().stream())
                .map(board::contact)
                .map(AgentSessions::active)
                .toList();
        List<Frames.Promised> followUps = board.followUpsOf(agentId).stream()
                .map(pending -> new Frames.Promised(pending.id(), pending.fromContactId(),
                        Offers.customerOf(pending.contact()), pending.dueAt(), pending.number(), pending.note()))
                .toList();
        return new Frames.Hello(agentId, view.presence(), active, followUps);
    }

    private static Frames.ActiveContact active(Contact contact) {
        return new Frames.ActiveContact(contact.id(), contact.state().name(), contact.arrival().channel(),
                Offers.customerOf(contact), contact.arrival().topic(), contact.progress().connectedAt(),
                contact.progress().callbackNumber());
    }
}
