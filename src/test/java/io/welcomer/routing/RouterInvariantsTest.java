package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welcomer.routing.Command.AcceptOffer;
import io.welcomer.routing.Command.ArriveContact;
import io.welcomer.routing.Command.CompleteContact;
import io.welcomer.routing.Command.ConnectAgent;
import io.welcomer.routing.Command.CustomerLeave;
import io.welcomer.routing.Command.DisconnectAgent;
import io.welcomer.routing.Command.MakeAvailable;
import io.welcomer.routing.Command.RegisterAgent;
import io.welcomer.routing.Command.RejectOffer;
import io.welcomer.routing.Command.StepAway;
import io.welcomer.routing.Command.Tick;
import io.welcomer.routing.RoutingModel.Live;
import io.welcomer.routing.RoutingModel.Seat;
import io.welcomer.routing.RoutingModel.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Thousands of random commands; after each one the router must agree with a model built from its decisions. */
class RouterInvariantsTest {

    private static final int STEPS = 3_000;
    private static final List<String> SKILLS = List.of("billing", "tech", "spanish", "loyalty");
    private static final List<Channel> CHANNELS = List.of(
            Channel.VOICE, Channel.VOICE, Channel.VOICE, Channel.CHAT, Channel.CHAT, Channel.CHAT, Channel.CHAT,
            Channel.EMAIL, Channel.EMAIL, Channel.VIDEO);

    private final RoutingRules rules = RoutingRules.defaults();
    private final VirtualClock clock = new VirtualClock(Desk.START);
    private final Router router = new Router(rules, clock);
    private final RoutingModel model = new RoutingModel(rules);
    private final Map<String, Integer> seen = new java.util.TreeMap<>();
    private Random random;
    private int arrivals;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 2024, 7_777, 123_456_789})
    void randomCommandsNeverBreakTheRoutingInvariants(long seed) {
        random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            AgentProfile profile = randomProfile("agent-" + i);
            model.register(profile);
            send(new RegisterAgent(profile), seed, -1);
        }
        for (int i = 0; i < 6; i++) {
            send(new ConnectAgent("agent-" + i), seed, -1);
            send(new MakeAvailable("agent-" + i), seed, -1);
        }
        for (int step = 0; step < STEPS; step++) {
            send(randomCommand(), seed, step);
        }
        assertTrue(model.ended.size() > STEPS / 20, "the run should end plenty of contacts: " + model.ended.size());
        for (String kind : List.of("Queued", "Offered", "Connected", "Completed", "Abandoned", "CustomerLeft",
                "Requeued", "Refused", "OfferRevoked TIMEOUT", "OfferRevoked REJECTED", "OfferRevoked ABANDONED",
                "OfferRevoked AGENT_GONE", "PresenceChanged missed-offers")) {
            assertTrue(seen.getOrDefault(kind, 0) > 0, () -> "the run never produced " + kind + ": " + seen);
        }
    }

    private void send(Command command, long seed, int step) {
        List<Decision> decisions = router.handle(command);
        for (Decision decision : decisions) {
            String kind = switch (decision) {
                case Decision.OfferRevoked d -> "OfferRevoked " + d.reason();
                case Decision.PresenceChanged d -> "PresenceChanged " + d.reason();
                default -> decision.getClass().getSimpleName();
            };
            seen.merge(kind, 1, Integer::sum);
        }
        String where = "seed " + seed + ", step " + step + ", " + command + " -> " + decisions;
        try {
            model.apply(command, decisions, clock.instant());
            checkRouterAgreesWithModel(command instanceof Tick);
        } catch (AssertionError e) {
            throw new AssertionError(where + "\n" + e.getMessage(), e);
        }
    }

    // --- random commands ---

    private AgentProfile randomProfile(String id) {
        Map<String, Integer> skills = new java.util.HashMap<>();
        for (String skill : SKILLS) {
            if (random.nextInt(10) < 6) {
                skills.put(skill, 1 + random.nextInt(5));
            }
        }
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        capacity.put(Channel.CHAT, 1 + random.nextInt(3));
        capacity.put(Channel.EMAIL, 1 + random.nextInt(2));
        if (random.nextInt(4) == 0) {
            capacity.put(Channel.VIDEO, 0);
        }
        return new AgentProfile(id, skills, capacity);
    }

    private Command randomCommand() {
        int roll = random.nextInt(100);
        String agent = "agent-" + random.nextInt(10);
        if (roll < 22) {
            return new ArriveContact(randomRequest());
        } else if (roll < 38) {
            return answer(Stage.OFFERED, (a, c) -> new AcceptOffer(a, c));
        } else if (roll < 43) {
            return answer(Stage.OFFERED, (a, c) -> new RejectOffer(a, c));
        } else if (roll < 56) {
            return answer(Stage.CONNECTED, (a, c) -> new CompleteContact(a, c, Desk.RESOLVED));
        } else if (roll < 62) {
            if (random.nextInt(3) == 0) {
                return answer(Stage.CONNECTED, (a, c) -> new CustomerLeave(c));
            }
            List<String> ids = new ArrayList<>(model.live.keySet());
            return new CustomerLeave(ids.isEmpty() || random.nextInt(10) == 0 ? "c-" + random.nextInt(arrivals + 1)
                    : ids.get(random.nextInt(ids.size())));
        } else if (roll < 66) {
            return new ConnectAgent(agent);
        } else if (roll < 70) {
            return new DisconnectAgent(agent);
        } else if (roll < 79) {
            return new MakeAvailable(agent);
        } else if (roll < 82) {
            return new StepAway(agent, "break");
        } else {
            clock.advance(Duration.ofMillis(random.nextInt(random.nextInt(8) == 0 ? 45_000 : 12_000)));
            return new Tick();
        }
    }

    private ContactRequest randomRequest() {
        if (!model.live.isEmpty() && random.nextInt(30) == 0) {
            return model.live.values().iterator().next().request;
        }
        Map<String, Integer> skills = new java.util.HashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(4));
        }
        int priority = List.of(0, 20, 50, 50, 50, 80, 100).get(random.nextInt(7));
        String id = "c-" + arrivals++;
        return new ContactRequest(id, CHANNELS.get(random.nextInt(CHANNELS.size())), "cust-" + id, skills, priority);
    }

    /** Answers a random contact at that stage, mostly as its own agent, sometimes as a wrong one. */
    private Command answer(Stage stage, java.util.function.BiFunction<String, String, Command> make) {
        List<Live> candidates = model.live.values().stream().filter(c -> c.stage == stage).toList();
        if (candidates.isEmpty()) {
            return new Tick();
        }
        Live contact = candidates.get(random.nextInt(candidates.size()));
        String agent = random.nextInt(8) == 0 ? "agent-" + random.nextInt(10) : contact.agentId;
        return make.apply(agent, contact.request.contactId());
    }

    // --- invariants ---

    private void checkRouterAgreesWithModel(boolean afterTick) {
        Instant now = clock.instant();
        Set<String> heldAnywhere = new HashSet<>();
        Map<Presence, Integer> presenceCounts = new EnumMap<>(Presence.class);
        for (Seat seat : model.seats.values()) {
            String id = seat.profile.agentId();
            List<Live> held = model.held(id);
            Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
            held.forEach(c -> perChannel.merge(c.request.channel(), 1, Integer::sum));
            perChannel.forEach((channel, n) -> assertTrue(n <= seat.profile.capacityFor(channel),
                    () -> id + " holds " + n + " on " + channel + " beyond its capacity"));
            if (held.stream().anyMatch(c -> c.request.channel().exclusive())) {
                assertEquals(1, held.size(), () -> id + " combines an exclusive channel with other contacts");
            }
            AgentView view = router.agent(id).orElseThrow();
            assertEquals(ids(held, Stage.OFFERED), Set.copyOf(view.offeredContactIds()), id + " offered");
            assertEquals(ids(held, Stage.CONNECTED), Set.copyOf(view.connectedContactIds()), id + " connected");
            for (String contactId : view.offeredContactIds()) {
                assertTrue(heldAnywhere.add(contactId), contactId + " held by two agents");
            }
            for (String contactId : view.connectedContactIds()) {
                assertTrue(heldAnywhere.add(contactId), contactId + " held by two agents");
            }
            assertEquals(model.expectedPresence(id), view.presence(), id + " presence");
            assertEquals(seat.reported, view.presence(), id + " presence as last reported");
            presenceCounts.merge(view.presence(), 1, Integer::sum);
            if (seat.connected && seat.ready) {
                checkNoHoldLoop(seat);
            }
        }
        QueueStats stats = router.stats();
        for (Presence presence : Presence.values()) {
            assertEquals(presenceCounts.getOrDefault(presence, 0), stats.agentsByPresence().get(presence),
                    "agents " + presence);
        }
        int waiting = 0;
        Instant oldest = null;
        for (Channel channel : Channel.values()) {
            List<Live> line = new ArrayList<>(model.waitingOn(channel));
            line.sort(Comparator.comparingInt((Live c) -> -c.request.priority())
                    .thenComparingLong(c -> router.arrivalOrder(c.request.contactId()).orElseThrow()));
            Map<Set<String>, Integer> competingSoFar = new HashMap<>();
            for (int i = 0; i < line.size(); i++) {
                String contactId = line.get(i).request.contactId();
                int place = competingSoFar.merge(line.get(i).request.skills().keySet(), 1, Integer::sum);
                assertEquals(place, router.waiting(contactId).orElseThrow().position(), contactId + " position");
                assertTrue(!heldAnywhere.contains(contactId), contactId + " both waiting and held");
                oldest = oldest == null || line.get(i).arrivedAt.isBefore(oldest) ? line.get(i).arrivedAt : oldest;
            }
            assertEquals(line.size(), stats.waitingByChannel().get(channel), "waiting on " + channel);
            waiting += line.size();
        }
        assertEquals(waiting, stats.waiting(), "waiting");
        assertEquals(oldest, stats.oldestArrival(), "oldest arrival");
        for (Live contact : model.live.values()) {
            assertEquals(contact.stage == Stage.WAITING, router.waiting(contact.request.contactId()).isPresent(),
                    contact.request.contactId() + " waiting");
            if (afterTick && contact.stage == Stage.OFFERED) {
                assertTrue(contact.offeredAt.plus(rules.offerTimeout()).isAfter(now),
                        contact.request.contactId() + " offer outlived its expiry");
            }
            if (afterTick && contact.stage == Stage.CONNECTED) {
                Seat seat = model.seats.get(contact.agentId);
                assertTrue(seat.connected || seat.disconnectedAt.plus(rules.reconnectGrace()).isAfter(now),
                        contact.request.contactId() + " outlived its agent's reconnect grace");
            }
        }
        for (String contactId : model.ended) {
            assertTrue(router.arrivalOrder(contactId).isEmpty(), contactId + " ended but still live");
        }
    }

    /**
     * A free slot and an eligible waiting contact never coexist, bar the contact the agent just
     * let go. Eligible on the contact's own minimums: relaxing widens it only when time ticks.
     */
    private void checkNoHoldLoop(Seat seat) {
        String id = seat.profile.agentId();
        for (Live contact : model.live.values()) {
            if (contact.stage == Stage.WAITING && seat.profile.meets(contact.request.skills())
                    && model.hasRoom(id, contact.request.channel())) {
                assertEquals(seat.letGo, contact.request.contactId(),
                        () -> contact.request.contactId() + " waits while " + id + " could take it");
            }
        }
    }

    private static Set<String> ids(List<Live> held, Stage stage) {
        Set<String> ids = new HashSet<>();
        held.stream().filter(c -> c.stage == stage).forEach(c -> ids.add(c.request.contactId()));
        return ids;
    }
}
