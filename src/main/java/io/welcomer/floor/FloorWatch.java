package io.welcomer.floor;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.welcomer.agents.AgentDirectory;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.routing.AgentView;
import io.welcomer.routing.Decision;
import io.welcomer.routing.LineStatus;
import io.welcomer.routing.LineView;
import io.welcomer.routing.Presence;
import io.welcomer.switchboard.Committed;
import io.welcomer.switchboard.DecisionListener;
import io.welcomer.switchboard.RoutingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Listens to committed decisions and pushes a fresh picture of the floor to supervisors. A burst
 * of decisions becomes one picture: at most one per {@link #COALESCE}, and none at all while
 * nobody watches.
 */
@ApplicationScoped
public class FloorWatch implements DecisionListener {

    private static final Logger LOG = Logger.getLogger(FloorWatch.class);
    /** Long enough to fold a burst into one picture, short enough to feel live. */
    static final Duration COALESCE = Duration.ofMillis(100);

    /** Presence as last decided: the away reason and since when, which the router does not keep. */
    private record Standing(Presence presence, String reason, Instant since) {}

    private final RoutingLoop loop;
    private final AgentDirectory directory;
    private final Vertx vertx;
    private final InstantSource clock;
    private final BroadcastProcessor<Floor> pictures = BroadcastProcessor.create();
    private final AtomicInteger watchers = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong versions = new AtomicLong();
    private final Map<String, Standing> standings = new HashMap<>();
    private final List<String> awayReasons;

    FloorWatch(RoutingLoop loop, AgentDirectory directory, Vertx vertx, InstantSource clock, WelcomerConfig config) {
        this.loop = loop;
        this.awayReasons = List.copyOf(config.awayReasons());
        this.directory = directory;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Committed decisions, on the routing context (the only thread touching the standings). */
    @Override
    public void committed(Committed committed) {
        List<Decision> decisions = committed.decisions();
        Instant now = clock.instant();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.PresenceChanged changed) {
                standings.put(changed.agentId(), new Standing(changed.presence(), changed.reason(), now));
            }
        }
        if (!decisions.isEmpty() && watchers.get() > 0 && pending.compareAndSet(false, true)) {
            vertx.setTimer(COALESCE.toMillis(), id -> picture().subscribe().with(floor -> {
                pending.set(false);
                pictures.onNext(floor);
            }, failure -> {
                pending.set(false);
                LOG.warn("floor picture failed", failure);
            }));
        }
    }

    /** The floor now, then a new picture after every change, for as long as the caller watches. */
    public Multi<Floor> watch() {
        return Multi.createBy().merging().streams(picture().toMulti(), pictures)
                .onSubscription().invoke(() -> watchers.incrementAndGet())
                .onTermination().invoke(() -> watchers.decrementAndGet());
    }

    /** The floor as it stands now. */
    public Uni<Floor> picture() {
        return directory.all().chain(cards -> loop.onLoop(board -> {
            Instant now = clock.instant();
            List<Floor.Agent> agents = new ArrayList<>(cards.size());
            for (AgentDirectory.AgentCard card : cards) {
                agents.add(agent(card.profile().id(), card.profile().name(), card.live()));
            }
            List<Floor.ConfiguredLine> configured = board.configuredLines().stream().map(line -> configured(line, now))
                    .toList();
            List<Floor.Line> shown = board.lines().stream().map(line -> line(line, now)).toList();
            List<Floor.Waiting> waiting = board.longestWaiting(Floor.WAITING_SHOWN).stream()
                    .map(contact -> new Floor.Waiting(contact.contactId(), contact.channel().wireName(), contact.line(),
                            contact.priority(), contact.arrivedAt(), contact.callback(), contact.waitingFor()))
                    .toList();
            return Uni.createFrom().item(new Floor(versions.incrementAndGet(), now, configured, shown, waiting, agents,
                    awayReasons));
        }));
    }

    private Floor.Agent agent(String id, String name, AgentView live) {
        Standing standing = standings.get(id);
        boolean current = standing != null && standing.presence() == live.presence();
        List<Floor.Held> held = new ArrayList<>();
        live.offeredContactIds().forEach(contactId -> held.add(new Floor.Held(contactId, "OFFERED")));
        live.connectedContactIds().forEach(contactId -> held.add(new Floor.Held(contactId, "CONNECTED")));
        live.wrappingContactIds().forEach(contactId -> held.add(new Floor.Held(contactId, "WRAPPING")));
        return new Floor.Agent(id, name, live.presence(), current ? standing.reason() : null,
                current ? standing.since() : null, held);
    }

    private static Floor.ConfiguredLine configured(LineStatus line, Instant now) {
        return new Floor.ConfiguredLine(line.line().id(), line.line().name(), line.open(), line.opensAt(),
                line.closesAt(), line.line().hours() == null ? null : line.line().hours().zone().getId(), line.waiting(),
                line.oldestArrival() == null ? 0 : Math.max(0, Duration.between(line.oldestArrival(), now).toSeconds()),
                line.oldestArrival(), line.agentsSignedIn(), line.serviceLevelToday());
    }

    private static Floor.Line line(LineView line, Instant now) {
        return new Floor.Line(line.line(), line.channel().wireName(), line.skills(), line.waiting(),
                Math.max(0, Duration.between(line.oldestArrival(), now).toSeconds()), line.oldestArrival(),
                line.callbacksWaiting());
    }
}
