package io.welcomer.simulation;

import io.welcomer.routing.AgentProfile;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactRequest;
import io.welcomer.routing.Decision;
import io.welcomer.routing.Outcome;
import io.welcomer.routing.Router;
import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.Scenario.AgentGroup;
import io.welcomer.simulation.Scenario.Stream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a scenario through the real routing core in virtual time, its lines and their overflow
 * included. Contacts arrive by Poisson
 * processes, agents accept offers at once and complete after a drawn touch time, impatient
 * customers give up while they wait. Everything random comes from one generator seeded by the
 * scenario, so the same scenario gives the same answer, bit for bit.
 */
public final class Simulator {

    /** Beyond this many waiting contacts the centre is overloaded: the run stops rather than grow. */
    static final int MAX_WAITING = 200_000;
    static final int[] DEFAULT_THRESHOLDS = {20, 60};
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Outcome RESOLVED = new Outcome(true, null, null);

    private enum Kind { ARRIVAL, GIVE_UP, COMPLETION }

    private record Event(long at, long seq, Kind kind, int stream, String contactId, String agentId) {}

    /** A measured contact, from arrival until it connects or gives up. */
    private static final class Pending {
        final long arrivedAt;
        /** What the router told it on arrival (0: offered at once); null: no honest estimate. */
        Long estimateSeconds = 0L;

        Pending(long arrivedAt) {
            this.arrivedAt = arrivedAt;
        }
    }

    private final Scenario scenario;
    private final Router router;
    private final SplittableRandom random;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Map<String, Pending> pending = new HashMap<>();
    private final Set<String> waiting = new HashSet<>();
    private final Map<String, Integer> held = new HashMap<>();
    private final Map<String, Integer> streamOf = new HashMap<>();
    private final long measureFrom;
    private final long measureUntil;
    private final int agents;
    /** Virtual time: nanoseconds since the start, exact, so a deadline falls due when its tick runs. */
    private long now;
    private long seq;
    private long arrivals;
    private long contacts;
    private int busyAgents;
    private final Tally tally;
    private final int[] thresholds;

    private Simulator(Scenario scenario, RoutingRules rules, int[] thresholds) {
        this.scenario = scenario;
        this.thresholds = thresholds;
        this.tally = new Tally(thresholds);
        this.random = new SplittableRandom(scenario.seed());
        InstantSource clock = () -> START.plusNanos(now);
        // Simulated customers never come back: remembering who served them would only cost memory.
        this.router = new Router(rules.withRepeatWindow(Duration.ZERO), clock);
        this.measureFrom = nanos(scenario.warmUpHours() * 3600);
        this.measureUntil = measureFrom + nanos(scenario.hours() * 3600);
        this.agents = scenario.agents().stream().mapToInt(AgentGroup::count).sum();
    }

    /**
     * Runs the scenario under the given routing rules (offer timeout, relax-after, aging), with
     * the service level at 20 and 60 seconds.
     */
    public static SimulationResult run(Scenario scenario, RoutingRules rules) {
        return run(scenario, rules, DEFAULT_THRESHOLDS);
    }

    /** The same, with the service level at each of these thresholds (seconds, ascending). */
    static SimulationResult run(Scenario scenario, RoutingRules rules, int[] thresholds) {
        return new Simulator(scenario, rules, thresholds).run();
    }

    private SimulationResult run() {
        scenario.lines().forEach(line -> apply(new Command.ConfigureLine(line)));
        staff();
        for (int stream = 0; stream < scenario.arrivals().size(); stream++) {
            scheduleArrival(stream);
        }
        while (now < measureUntil || !pending.isEmpty()) {
            Event next = events.peek();
            long tick = router.nextDeadline().map(at -> Duration.between(START, at).toNanos()).orElse(Long.MAX_VALUE);
            if (next == null && tick == Long.MAX_VALUE) {
                break;
            }
            if (next == null || tick <= next.at) {
                advanceTo(tick);
                apply(new Command.Tick());
                continue;
            }
            events.poll();
            advanceTo(next.at);
            switch (next.kind) {
                case ARRIVAL -> arrive(next.stream);
                case GIVE_UP -> giveUp(next.contactId);
                case COMPLETION -> complete(next.agentId, next.contactId);
            }
        }
        return tally.result(contacts, agents, scenario.hours() * 3600,
                ClosedForm.of(scenario, thresholds).orElse(null));
    }

    private void staff() {
        int number = 0;
        for (AgentGroup group : scenario.agents()) {
            for (int i = 0; i < group.count(); i++) {
                String agentId = "agent-" + ++number;
                apply(new Command.RegisterAgent(new AgentProfile(agentId, group.skills(), group.capacity())));
                apply(new Command.ConnectAgent(agentId));
                apply(new Command.MakeAvailable(agentId));
            }
        }
    }

    private void arrive(int streamIndex) {
        scheduleArrival(streamIndex);
        Stream stream = scenario.arrivals().get(streamIndex);
        String contactId = "contact-" + ++arrivals;
        streamOf.put(contactId, streamIndex);
        boolean measured = now >= measureFrom && now < measureUntil;
        if (measured) {
            contacts++;
            pending.put(contactId, new Pending(now));
        }
        apply(new Command.ArriveContact(new ContactRequest(contactId, stream.channel(), contactId, stream.skills(),
                stream.priority(), null, false, stream.line())));
        if (!waiting.contains(contactId)) {
            return;
        }
        if (measured) {
            pending.get(contactId).estimateSeconds = router.waiting(contactId).orElseThrow().estimatedWaitSeconds();
        }
        if (random.nextDouble() < stream.callbackShare()) {
            apply(new Command.RequestCallback(contactId, null));
        } else if (stream.patienceSeconds() != null) {
            schedule(now + nanos(-stream.patienceSeconds() * Math.log(1 - random.nextDouble())), Kind.GIVE_UP, -1,
                    contactId, null);
        }
    }

    private void giveUp(String contactId) {
        if (waiting.contains(contactId)) {
            apply(new Command.CustomerLeave(contactId));
        }
    }

    private void complete(String agentId, String contactId) {
        if (held.merge(agentId, -1, Integer::sum) == 0) {
            busyAgents--;
        }
        streamOf.remove(contactId);
        apply(new Command.CompleteContact(agentId, contactId, RESOLVED));
    }

    /** Handles a command and what follows from it: agents accept every offer at once. */
    private void apply(Command command) {
        ArrayDeque<Decision> work = new ArrayDeque<>(router.handle(command));
        while (!work.isEmpty()) {
            switch (work.poll()) {
                case Decision.Queued queued -> enterLine(queued.contactId());
                case Decision.Requeued requeued -> enterLine(requeued.contactId());
                case Decision.Offered offered -> {
                    waiting.remove(offered.contactId());
                    work.addAll(router.handle(new Command.AcceptOffer(offered.agentId(), offered.contactId())));
                }
                case Decision.Connected connected -> connected(connected);
                case Decision.Abandoned abandoned -> {
                    waiting.remove(abandoned.contactId());
                    streamOf.remove(abandoned.contactId());
                    Pending gaveUp = pending.remove(abandoned.contactId());
                    if (gaveUp != null) {
                        tally.gaveUp(seconds(now - gaveUp.arrivedAt));
                    }
                }
                case Decision.Refused refused -> throw new IllegalStateException("router refused " + command
                        + ": " + refused.refusal());
                default -> { }
            }
        }
    }

    private void enterLine(String contactId) {
        waiting.add(contactId);
        if (waiting.size() > MAX_WAITING) {
            throw new OverloadedException(MAX_WAITING);
        }
    }

    private void connected(Decision.Connected connected) {
        String agentId = connected.agentId();
        if (held.merge(agentId, 1, Integer::sum) == 1) {
            busyAgents++;
        }
        Stream stream = scenario.arrivals().get(streamOf.get(connected.contactId()));
        double touch = stream.touchTimeDistribution().draw(random, stream.touchTimeSeconds(), stream.touchTimeCv());
        schedule(now + nanos(touch), Kind.COMPLETION, -1, connected.contactId(), agentId);
        Pending served = pending.remove(connected.contactId());
        if (served != null) {
            double waited = seconds(connected.timeToHuman().toNanos());
            tally.connected(waited, served.estimateSeconds == null ? null : Math.abs(served.estimateSeconds - waited));
        }
    }

    private void scheduleArrival(int stream) {
        double gap = -Math.log(1 - random.nextDouble()) / scenario.arrivals().get(stream).perSecond();
        schedule(now + nanos(gap), Kind.ARRIVAL, stream, null, null);
    }

    private void schedule(long at, Kind kind, int stream, String contactId, String agentId) {
        events.add(new Event(at, seq++, kind, stream, contactId, agentId));
    }

    /** Moves the clock, adding the queue and busy agents of the measured part of the step. */
    private void advanceTo(long at) {
        long measured = Math.min(at, measureUntil) - Math.max(now, measureFrom);
        if (measured > 0) {
            tally.during(seconds(measured), waiting.size(), busyAgents);
        }
        now = Math.max(now, at);
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
