package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welcomer.routing.Command.AcceptOffer;
import io.welcomer.routing.Command.ArriveContact;
import io.welcomer.routing.Command.CancelTransfer;
import io.welcomer.routing.Command.CompleteContact;
import io.welcomer.routing.Command.ConnectAgent;
import io.welcomer.routing.Command.CustomerLeave;
import io.welcomer.routing.Command.DisconnectAgent;
import io.welcomer.routing.Command.EndContact;
import io.welcomer.routing.Command.MakeAvailable;
import io.welcomer.routing.Command.RegisterAgent;
import io.welcomer.routing.Command.RejectOffer;
import io.welcomer.routing.Command.ScheduleFollowUp;
import io.welcomer.routing.Command.StepAway;
import io.welcomer.routing.Command.Tick;
import io.welcomer.routing.Command.TransferContact;
import io.welcomer.routing.RoutingModel.Live;
import io.welcomer.routing.RoutingModel.Stage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random commands; after each one the router must agree with a model built from its
 * decisions. Lines open and close every few minutes of the run and are configured again on the way.
 */
class RouterInvariantsTest {

    private static final int STEPS = 3_000;
    private static final List<String> SKILLS = List.of("billing", "tech", "spanish", "loyalty");
    private static final List<Channel> CHANNELS = List.of(
            Channel.VOICE, Channel.VOICE, Channel.VOICE, Channel.CHAT, Channel.CHAT, Channel.CHAT, Channel.CHAT,
            Channel.EMAIL, Channel.EMAIL, Channel.VIDEO);

    private static final List<String> LANGUAGES = List.of("en", "es", "fr");
    private static final List<String> CUSTOMER_LANGUAGES = List.of("en", "en-GB", "es", "es-MX", "fr-CA");
    private static final List<String> REASONS = List.of("break", "lunch", "training", "nap");
    /** Lines the run configures; "gone" is never configured, "always" has no hours. */
    private static final List<String> LINE_IDS = List.of("sales", "care", "night", "always", "gone");

    private final RoutingRules rules = RoutingRules.defaults()
            .withWrapUpLimits(Map.of(Channel.CHAT, Duration.ofSeconds(40))).withMaxTransfers(3);
    private final VirtualClock clock = new VirtualClock(Desk.START);
    private final Router router = new Router(rules, clock);
    private final RoutingModel model = new RoutingModel(rules);
    private final RoutingInvariants invariants = new RoutingInvariants(router, model, rules, clock);
    private final Map<String, Integer> seen = new java.util.TreeMap<>();
    private Random random;
    private int arrivals;
    private int followUps;

    private static final List<String> BUSY_KINDS = List.of("Queued", "Offered", "Connected", "Completed", "Abandoned",
            "CustomerLeft", "Requeued", "Refused", "OfferRevoked TIMEOUT", "OfferRevoked REJECTED",
            "OfferRevoked ABANDONED", "OfferRevoked AGENT_GONE", "PresenceChanged missed-offers",
            "PresenceChanged next", "Wrapping", "Completed wrap-up-expired", "Transferred COLD", "FollowUpScheduled",
            "FollowUpDue", "AwayEnded", "Offered follow-up to its agent", "Offered language relaxed", "Moved",
            "Moved to a line",
            "OfferRevoked MOVED", "Offered to the agent it was moved to", "PriorityChanged", "PresenceChanged by",
            "LineOpened", "LineClosed", "Queued in a closed line", "Refused UNKNOWN_LINE",
            "Refused CHANNEL_NOT_TAKEN", "Refused LINE_NOT_EMPTY", "LineConfigured", "Overflowed to skills",
            "Overflowed to a line", "Offered through overflow", "Answered late");
    /** Every way a warm transfer ends has its own core test; the random run must see them settled at all. */
    private static final List<String> CALM_KINDS = List.of("Connected", "Completed", "TransferOffered",
            "warm transfer settled", "Transferred COLD", "Wrapping", "FollowUpDue", "Offered at a line's opening");

    /** Arrivals per hundred commands: a busy centre builds a line, a calm one has free agents to transfer to. */
    private int arrivalShare;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 2024, 7_777, 123_456_789})
    void randomCommandsNeverBreakTheRoutingInvariants(long seed) {
        run(seed, 20, BUSY_KINDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 31_337})
    void aCalmCentreTransfersWithoutBreakingTheRoutingInvariants(long seed) {
        run(seed, 6, CALM_KINDS);
    }

    private void run(long seed, int arrivals, List<String> kinds) {
        arrivalShare = arrivals;
        random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            AgentProfile profile = randomProfile("agent-" + i);
            model.register(profile);
            send(new RegisterAgent(profile), seed, -1);
        }
        for (String line : List.of("always", "sales", "care")) {
            send(new Command.ConfigureLine(randomLine(line)), seed, -1);
        }
        for (int i = 0; i < 6; i++) {
            send(new ConnectAgent("agent-" + i), seed, -1);
            send(new MakeAvailable("agent-" + i), seed, -1);
        }
        for (int step = 0; step < STEPS; step++) {
            send(randomCommand(), seed, step);
        }
        assertTrue(model.ended.size() > STEPS * arrivals / 400, "the run should end plenty of contacts: " + model.ended.size());
        for (String kind : kinds) {
            assertTrue(seen.getOrDefault(kind, 0) > 0, () -> "the run never produced " + kind + ": " + seen);
        }
    }

    private void send(Command command, long seed, int step) {
        List<Decision> decisions = router.handle(command);
        Set<String> opening = new HashSet<>();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.LineOpened opened) {
                opening.add(opened.lineId());
            }
            String kind = switch (decision) {
                case Decision.OfferRevoked d -> "OfferRevoked " + d.reason();
                case Decision.PresenceChanged d -> "PresenceChanged "
                        + (d.by() != null ? "by" : d.next() != null ? "next" : d.reason());
                case Decision.Transferred d -> d.mode() == TransferMode.WARM ? "warm transfer settled" : "Transferred COLD";
                case Decision.TransferEnded d -> "warm transfer settled";
                case Decision.Completed d -> Router.WRAP_UP_EXPIRED.equals(d.outcome().code())
                        ? "Completed wrap-up-expired" : "Completed";
                case Decision.Offered d -> offeredKind(d, opening);
                case Decision.Queued d -> queuedKind(command);
                case Decision.Moved d -> d.to() instanceof MoveTarget.ToLine ? "Moved to a line" : "Moved";
                case Decision.Overflowed d -> d.toLine() == null ? "Overflowed to skills" : "Overflowed to a line";
                case Decision.Answered d -> d.withinTarget() == null ? "Answered"
                        : d.withinTarget() ? "Answered within target" : "Answered late";
                case Decision.Refused d -> d.refusal().name().contains("LINE") || d.refusal() == Refusal.CHANNEL_NOT_TAKEN
                        ? "Refused " + d.refusal() : "Refused";
                default -> decision.getClass().getSimpleName();
            };
            seen.merge(kind, 1, Integer::sum);
        }
        String where = "seed " + seed + ", step " + step + ", " + command + " -> " + decisions;
        try {
            model.apply(command, decisions, clock.instant());
            invariants.check(command instanceof Tick);
        } catch (AssertionError e) {
            throw new AssertionError(where + "\n" + e.getMessage(), e);
        }
    }

    private String queuedKind(Command command) {
        if (command instanceof ArriveContact arrival && arrival.request().line() != null) {
            LinesModel.Modelled line = model.lines.get(arrival.request().line());
            if (line != null && !line.open) {
                return "Queued in a closed line";
            }
        }
        return "Queued";
    }

    private String offeredKind(Decision.Offered offered, Set<String> opening) {
        RoutingModel.Live contact = model.live.get(offered.contactId());
        if (contact != null && contact.lineId != null && opening.contains(contact.lineId)) {
            return "Offered at a line's opening";
        }
        if (contact != null && offered.agentId().equals(contact.reservedFor)) {
            return contact.reservedByMove ? "Offered to the agent it was moved to" : "Offered follow-up to its agent";
        }
        if (contact != null && !contact.overflowed.isEmpty() && !contact.reservedByMove
                && !model.seats.get(offered.agentId()).profile.meets(contact.skillsRequiredAt(clock.instant(), rules.relaxAfter()))) {
            return "Offered through overflow";
        }
        if (contact != null && contact.request.primaryLanguage() != null
                && !Eligibility.speaks(model.seats.get(offered.agentId()).profile, contact.request.language())) {
            return "Offered language relaxed";
        }
        return "Offered";
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
        Set<String> languages = new HashSet<>();
        for (String language : LANGUAGES) {
            if (random.nextInt(10) < 4) {
                languages.add(language);
            }
        }
        return new AgentProfile(id, skills, capacity, languages);
    }

    private Command randomCommand() {
        int lineRoll = random.nextInt(1000);
        if (lineRoll < 12) {
            return new Command.ConfigureLine(randomLine(LINE_IDS.get(random.nextInt(LINE_IDS.size() - 1))));
        } else if (lineRoll < 16) {
            return new Command.RemoveLine(LINE_IDS.get(random.nextInt(LINE_IDS.size())));
        }
        int roll = random.nextInt(100);
        String agent = "agent-" + random.nextInt(10);
        if (roll < arrivalShare) {
            return new ArriveContact(randomRequest());
        }
        if (roll < 20) {
            return roll < 12 ? randomTransfer() : roll < 14 ? randomCancel()
                    : roll < 17 ? answer(Stage.OFFERED, (a, c) -> new AcceptOffer(a, c))
                    : answer(Stage.OFFERED, (a, c) -> new RejectOffer(a, c));
        }
        if (roll < 34) {
            return answer(Stage.OFFERED, (a, c) -> new AcceptOffer(a, c));
        } else if (roll < 38) {
            return answer(Stage.OFFERED, (a, c) -> new RejectOffer(a, c));
        } else if (roll < 44) {
            return answer(random.nextBoolean() ? Stage.WRAPPING : Stage.CONNECTED,
                    (a, c) -> new CompleteContact(a, c, Desk.RESOLVED));
        } else if (roll < 49) {
            return answer(Stage.CONNECTED, (a, c) -> new EndContact(a, c));
        } else if (roll < 54) {
            return randomTransfer();
        } else if (roll < 55) {
            return answer(Stage.CONNECTED, (a, c) -> new CancelTransfer(a, c));
        } else if (roll < 58) {
            Duration ahead = random.nextInt(20) == 0 ? Duration.ofDays(31)
                    : Duration.ofSeconds(random.nextInt(600) - 20);
            String followUpId = "f-" + followUps++;
            return answer(random.nextBoolean() ? Stage.WRAPPING : Stage.CONNECTED,
                    (a, c) -> new ScheduleFollowUp(a, c, followUpId, clock.instant().plus(ahead), null, null));
        } else if (roll < 62) {
            if (random.nextInt(3) == 0) {
                return answer(random.nextBoolean() ? Stage.OFFERED : Stage.CONNECTED, (a, c) -> new CustomerLeave(c));
            }
            List<String> ids = new ArrayList<>(model.live.keySet());
            return new CustomerLeave(ids.isEmpty() || random.nextInt(10) == 0 ? "c-" + random.nextInt(arrivals + 1)
                    : ids.get(random.nextInt(ids.size())));
        } else if (roll < 66) {
            return new ConnectAgent(agent);
        } else if (roll < 70) {
            return new DisconnectAgent(agent);
        } else if (roll < 77) {
            return new MakeAvailable(agent);
        } else if (roll < 81) {
            return new StepAway(agent, REASONS.get(random.nextInt(REASONS.size())), random.nextBoolean());
        } else if (roll < 85) {
            return supervisorAction(agent);
        } else {
            clock.advance(Duration.ofMillis(random.nextInt(random.nextInt(8) == 0 ? 45_000 : 12_000)));
            return new Tick();
        }
    }

    /** A supervisor's action: mostly on a contact or an agent where it applies, sometimes where it does not. */
    private Command supervisorAction(String agent) {
        String by = "supervisor-" + random.nextInt(2);
        List<Live> offered = model.live.values().stream().filter(c -> c.stage == Stage.OFFERED).toList();
        List<Live> contacts = new ArrayList<>(!offered.isEmpty() && random.nextBoolean() ? offered : model.live.values());
        String contactId = contacts.isEmpty() || random.nextInt(10) == 0 ? "c-" + random.nextInt(arrivals + 1)
                : contacts.get(random.nextInt(contacts.size())).request.contactId();
        return switch (random.nextInt(5)) {
            case 0 -> new Command.SendAway(agent, REASONS.get(random.nextInt(REASONS.size())), random.nextBoolean(), by);
            case 1 -> random.nextInt(3) == 0 ? new Command.SignOut(agent, by) : new Command.ChangePriority(contactId,
                    List.of(0, 20, 50, 80, 100).get(random.nextInt(5)), by);
            case 2 -> new Command.MoveContact(contactId, new MoveTarget.ToLine(randomLineId()), by);
            default -> new Command.MoveContact(contactId, new MoveTarget.ToAgent(random.nextInt(15) == 0
                    ? "nobody" : "agent-" + random.nextInt(10)), by);
        };
    }

    /** One of the run's lines, now and then one never configured. */
    private String randomLineId() {
        return LINE_IDS.get(random.nextInt(LINE_IDS.size()));
    }

    /** The owner withdraws one of its warm transfers waiting for an answer. */
    private Command randomCancel() {
        List<Live> transferring = model.live.values().stream().filter(c -> c.transferTo != null).toList();
        if (transferring.isEmpty()) {
            return new Tick();
        }
        Live contact = transferring.get(random.nextInt(transferring.size()));
        return new CancelTransfer(contact.agentId, contact.request.contactId());
    }

    /** A transfer of a connected contact, warm mostly to an agent the model says could take it. */
    private Command randomTransfer() {
        List<Live> connected = model.live.values().stream().filter(c -> c.stage == Stage.CONNECTED).toList();
        if (connected.isEmpty()) {
            return new Tick();
        }
        Live contact = connected.get(random.nextInt(connected.size()));
        Instant now = clock.instant();
        List<String> able = model.seats.values().stream()
                .filter(seat -> model.takesOffers(seat) && model.hasRoom(seat.profile.agentId(), contact.request.channel())
                        && Eligibility.hasSkills(seat.profile, contact.skillsRequiredAt(now, rules.relaxAfter()))
                        && Eligibility.speaks(seat.profile, contact.languageRequiredAt(now, rules.relaxAfter())))
                .map(seat -> seat.profile.agentId()).toList();
        int kind = random.nextInt(10);
        TransferTarget to = kind < 3 ? new TransferTarget.ToLine(randomSkills(), random.nextBoolean() ? null : randomLanguage())
                : kind < 5 || able.isEmpty() ? new TransferTarget.ToAgent("agent-" + random.nextInt(10))
                : new TransferTarget.ToAgent(able.get(random.nextInt(able.size())));
        String owner = random.nextInt(10) == 0 ? "agent-" + random.nextInt(10) : contact.agentId;
        return new TransferContact(owner, contact.request.contactId(), to, "note");
    }

    private ContactRequest randomRequest() {
        if (!model.live.isEmpty() && random.nextInt(30) == 0) {
            return model.live.values().iterator().next().request;
        }
        int priority = List.of(0, 20, 50, 50, 50, 80, 100).get(random.nextInt(7));
        String id = "c-" + arrivals++;
        String language = random.nextBoolean() ? null : randomLanguage();
        String line = random.nextInt(5) < 3 ? LINE_IDS.get(random.nextInt(LINE_IDS.size())) : null;
        return new ContactRequest(id, CHANNELS.get(random.nextInt(CHANNELS.size())), "cust-" + id, randomSkills(),
                priority, language, language != null && random.nextInt(5) == 0, line);
    }

    /**
     * A line taking most channels, with a skill and a language now and then, open in stretches of
     * 2-12 minutes with pauses of 1-10 between them from 09:00 to 10:40 (UTC) on the run's Monday;
     * "always" has no hours. Mostly it has up to three overflow steps, to agents with a skill or
     * into another line (so configuring it may be refused: the line unknown, or a cycle).
     */
    private Line randomLine(String id) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (random.nextInt(10) < 8) {
                channels.add(channel);
            }
        }
        if (channels.isEmpty()) {
            channels.add(Channel.CHAT);
        }
        Map<String, Integer> skills = random.nextBoolean() ? Map.of()
                : Map.of(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(3));
        String language = random.nextInt(4) == 0 ? randomLanguage() : null;
        OpeningHours hours = null;
        if (!id.equals("always")) {
            List<OpeningHours.Weekly> windows = new ArrayList<>();
            LocalTime open = LocalTime.of(9, random.nextInt(5));
            while (open.isBefore(LocalTime.of(10, 40))) {
                LocalTime close = open.plusMinutes(2 + random.nextInt(11));
                windows.add(new OpeningHours.Weekly(Set.of(DayOfWeek.MONDAY), open, close));
                open = close.plusMinutes(1 + random.nextInt(10));
            }
            hours = new OpeningHours(ZoneOffset.UTC, windows, List.of());
        }
        List<Line.OverflowStep> overflow = new ArrayList<>();
        Duration after = Duration.ZERO;
        for (int step = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3); step > 0; step--) {
            after = after.plusSeconds(5 + random.nextInt(40));
            String target = LINE_IDS.get(random.nextInt(LINE_IDS.size()));
            if (random.nextBoolean()) {
                overflow.add(new Line.OverflowStep(after, Map.of(SKILLS.get(random.nextInt(SKILLS.size())), 1), null));
            } else if (!target.equals(id)) {
                overflow.add(new Line.OverflowStep(after, null, target));
            }
        }
        Line.ServiceLevel target = random.nextBoolean() ? null
                : new Line.ServiceLevel(Duration.ofSeconds(10 + random.nextInt(300)), 0.8);
        return new Line(id, id, channels, skills, language, language != null && random.nextBoolean(), hours, target,
                overflow);
    }

    private Map<String, Integer> randomSkills() {
        Map<String, Integer> skills = new java.util.HashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(4));
        }
        return skills;
    }

    private String randomLanguage() {
        return CUSTOMER_LANGUAGES.get(random.nextInt(CUSTOMER_LANGUAGES.size()));
    }

    /** Answers a random contact at that stage, mostly as its own agent, sometimes as a wrong one. */
    private Command answer(Stage stage, java.util.function.BiFunction<String, String, Command> make) {
        List<Live> candidates = model.live.values().stream()
                .filter(c -> c.stage == stage || (stage == Stage.OFFERED && c.transferTo != null)).toList();
        if (candidates.isEmpty()) {
            return new Tick();
        }
        Live contact = candidates.get(random.nextInt(candidates.size()));
        String own = stage == Stage.OFFERED && contact.transferTo != null ? contact.transferTo : contact.agentId;
        String agent = random.nextInt(8) == 0 ? "agent-" + random.nextInt(10) : own;
        return make.apply(agent, contact.request.contactId());
    }
}
