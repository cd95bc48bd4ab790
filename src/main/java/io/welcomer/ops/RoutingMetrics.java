package io.welcomer.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.Decision;
import io.welcomer.routing.Presence;
import io.welcomer.routing.QueueStats;
import io.welcomer.routing.TransferMode;
import io.welcomer.switchboard.Board;
import io.welcomer.switchboard.Committed;
import io.welcomer.switchboard.DecisionListener;
import io.welcomer.switchboard.Restoration;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus measures fed from routing decisions (never from polling the store). Touch time is
 * measured and set against outcome; there is deliberately no handle-time measure or target.
 */
@ApplicationScoped
public class RoutingMetrics implements DecisionListener {

    private static final Duration[] TIME_TO_HUMAN_BUCKETS = seconds(1, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800);
    private static final Duration[] WRAP_UP_BUCKETS = seconds(10, 30, 60, 120, 300, 600, 1200);
    private static final Duration[] TOUCH_TIME_BUCKETS = seconds(30, 60, 120, 300, 600, 1200, 1800, 3600, 7200);

    private final MeterRegistry registry;
    private final InstantSource clock;
    private volatile QueueStats latest;
    /** The per-line gauges, one set per configured line; touched on the routing context only. */
    private final Map<String, List<Meter>> lineGauges = new HashMap<>();

    RoutingMetrics(MeterRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            Gauge.builder("welcomer.contacts.waiting", () -> waiting(channel))
                    .description("Contacts waiting for an agent")
                    .tag("channel", channel.wireName())
                    .register(registry);
        }
        Gauge.builder("welcomer.oldest.waiting.seconds", this::oldestWaitSeconds)
                .description("How long the longest-waiting contact has waited")
                .register(registry);
        for (Presence presence : Presence.values()) {
            Gauge.builder("welcomer.agents", () -> agents(presence))
                    .description("Agents by presence")
                    .tag("presence", presence.name())
                    .register(registry);
        }
    }

    @Override
    public void committed(Committed committed) {
        if (committed.command() instanceof Command.ArriveContact arrival) {
            created(arrival.request().channel());
        }
        committed.decisions().forEach(this::record);
        latest = committed.stats();
        followLines(committed.stats());
    }

    @Override
    public void restored(Restoration.Snapshot snapshot, Board board) {
        latest = board.stats();
        followLines(latest);
    }

    /**
     * One set of gauges per configured line, so the labels are bounded by the lines an admin
     * configured: added with a line, removed with it.
     */
    private void followLines(QueueStats stats) {
        if (stats.lines().keySet().equals(lineGauges.keySet())) {
            return;
        }
        lineGauges.entrySet().removeIf(line -> {
            if (stats.lines().containsKey(line.getKey())) {
                return false;
            }
            line.getValue().forEach(registry::remove);
            return true;
        });
        for (String line : stats.lines().keySet()) {
            lineGauges.computeIfAbsent(line, id -> List.of(
                    Gauge.builder("welcomer.line.open", () -> lineFigure(id, figures -> figures.open() ? 1 : 0))
                            .description("Whether the line is open now (1) or closed (0), by its opening hours")
                            .tag("line", id)
                            .register(registry),
                    Gauge.builder("welcomer.line.waiting", () -> lineFigure(id, QueueStats.LineFigures::waiting))
                            .description("Contacts waiting in the line, open or closed")
                            .tag("line", id)
                            .register(registry),
                    Gauge.builder("welcomer.line.agents.signed.in", () -> lineFigure(id,
                                    QueueStats.LineFigures::agentsSignedIn))
                            .description("Agents signed in (not OFFLINE) who could serve the line")
                            .tag("line", id)
                            .register(registry),
                    Gauge.builder("welcomer.line.service.level.target", () -> lineFigure(id,
                                    figures -> figures.serviceLevelTarget() == null ? Double.NaN
                                            : figures.serviceLevelTarget()))
                            .description("The line's service-level target, a share 0-1 (NaN: none set)")
                            .tag("line", id)
                            .register(registry)));
        }
    }

    private double lineFigure(String line, java.util.function.ToDoubleFunction<QueueStats.LineFigures> figure) {
        QueueStats stats = latest;
        QueueStats.LineFigures figures = stats == null ? null : stats.lines().get(line);
        return figures == null ? 0 : figure.applyAsDouble(figures);
    }

    private void record(Decision decision) {
        switch (decision) {
            case Decision.Offered d -> { }
            case Decision.Queued d -> { }
            case Decision.Connected d -> {
                offers("accepted");
                Timer.builder("welcomer.time.to.human")
                        .description("From contact created to connected with a human")
                        .tag("channel", d.channel().wireName())
                        .serviceLevelObjectives(TIME_TO_HUMAN_BUCKETS)
                        .register(registry)
                        .record(d.timeToHuman());
            }
            case Decision.Completed d -> {
                String resolved = Boolean.toString(d.outcome().resolved());
                Timer.builder("welcomer.touch.time")
                        .description("Time a human spent with the customer, from connected to completed")
                        .tags("channel", d.channel().wireName(), "resolved", resolved)
                        .serviceLevelObjectives(TOUCH_TIME_BUCKETS)
                        .register(registry)
                        .record(d.touchTime());
                Timer.builder("welcomer.wrap.up")
                        .description("After-contact work, from the end of the conversation to completed")
                        .tag("channel", d.channel().wireName())
                        .serviceLevelObjectives(WRAP_UP_BUCKETS)
                        .register(registry)
                        .record(d.wrapUp());
                ended(d.channel(), ContactState.COMPLETED, resolved);
            }
            case Decision.Abandoned d -> {
                ended(d.channel(), ContactState.ABANDONED, "false");
                Counter.builder("welcomer.line.abandoned")
                        .description("Customers who left a line before reaching a human")
                        .tag("line", lineLabel(d.line()))
                        .register(registry)
                        .increment();
            }
            case Decision.Answered d -> Counter.builder("welcomer.line.answered")
                    .description("Contacts of a line that reached a human, within the line's service-level time"
                            + " of arrival or not")
                    .tags("line", lineLabel(d.line()), "within_target",
                            d.withinTarget() == null ? "-" : d.withinTarget().toString())
                    .register(registry)
                    .increment();
            case Decision.OfferRevoked d -> offers(switch (d.reason()) {
                case REJECTED -> "rejected";
                case TIMEOUT -> "timeout";
                case ABANDONED, AGENT_GONE -> "revoked";
                case MOVED -> "moved";
            });
            case Decision.Requeued d -> { }
            case Decision.CallbackArranged d -> { }
            case Decision.CustomerLeft d -> { }
            case Decision.PresenceChanged d -> { }
            case Decision.Refused d -> { }
            case Decision.Wrapping d -> { }
            case Decision.TransferOffered d -> { }
            case Decision.Transferred d -> transfers(d.mode(), "accepted");
            case Decision.TransferEnded d -> transfers(TransferMode.WARM, d.status().wireName());
            case Decision.FollowUpScheduled d -> { }
            case Decision.FollowUpDue d -> { }
            case Decision.Moved d -> { }
            case Decision.PriorityChanged d -> { }
            case Decision.LineConfigured d -> { }
            case Decision.LineRemoved d -> { }
            case Decision.LineOpened d -> { }
            case Decision.LineClosed d -> { }
            case Decision.Overflowed d -> Counter.builder("welcomer.overflows")
                    .description("Waiting contacts that reached an overflow step of their line")
                    .tags("line", d.fromLine(), "step", Integer.toString(d.step()))
                    .register(registry)
                    .increment();
            case Decision.AwayEnded d -> Counter.builder("welcomer.agent.away.seconds")
                    .description("Time agents spent away, by the reason they gave")
                    .baseUnit("seconds")
                    .tag("reason", d.reason())
                    .register(registry)
                    .increment(d.away().toMillis() / 1000.0);
        }
    }

    /** A configured line by its id; the implicit lines together as "-". */
    private static String lineLabel(String line) {
        return line == null ? "-" : line;
    }

    private void transfers(TransferMode mode, String result) {
        Counter.builder("welcomer.transfers")
                .description("Transfers by mode and how they ended")
                .tags("mode", mode.wireName(), "result", result)
                .register(registry)
                .increment();
    }

    /** A contact was created; counted once whether it was offered at once or queued. */
    private void created(Channel channel) {
        Counter.builder("welcomer.contacts.created")
                .description("Contacts received from gateways")
                .tag("channel", channel.wireName())
                .register(registry)
                .increment();
    }

    /** A customer came back within the repeat window after an earlier contact ended. */
    public void repeat() {
        Counter.builder("welcomer.repeat.contacts")
                .description("Contacts whose customer came back within the repeat window")
                .register(registry)
                .increment();
    }

    /** A customer's satisfaction answer, 1-5. */
    public void feedback(int csat) {
        DistributionSummary.builder("welcomer.feedback.csat")
                .description("Customer satisfaction after a completed contact, 1-5")
                .serviceLevelObjectives(1, 2, 3, 4, 5)
                .register(registry)
                .record(csat);
    }

    private void ended(Channel channel, ContactState state, String resolved) {
        Counter.builder("welcomer.contacts.ended")
                .description("Contacts that ended, by final state and whether resolved")
                .tags("channel", channel.wireName(), "state", state.name(), "resolved", resolved)
                .register(registry)
                .increment();
    }

    private void offers(String result) {
        Counter.builder("welcomer.offers")
                .description("Offers to agents by how they ended")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    private double waiting(Channel channel) {
        QueueStats stats = latest;
        return stats == null ? 0 : stats.waitingByChannel().getOrDefault(channel, 0);
    }

    private double agents(Presence presence) {
        QueueStats stats = latest;
        return stats == null ? 0 : stats.agentsByPresence().getOrDefault(presence, 0);
    }

    private double oldestWaitSeconds() {
        QueueStats stats = latest;
        return stats == null ? 0 : stats.oldestWaitSeconds(clock.instant());
    }

    private static Duration[] seconds(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofSeconds(values[i]);
        }
        return durations;
    }
}
