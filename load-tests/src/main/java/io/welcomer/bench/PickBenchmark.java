package io.welcomer.bench;

import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a routing decision takes in the core, with a long queue and many agents.
 *
 * <p>{@code freedAgentPicksNextContact}: one agent with {@code workerSkills} skills accepts its
 * offer and completes it; completing frees it and the router picks the best waiting contact for
 * it. One new contact it can serve arrives per cycle, so the line stays at {@code waiting}
 * contacts. The figure is the whole cycle (accept, complete with the pick, one arrival that is
 * queued). With 4 skills the line finds candidates by the agent's skill subsets; with all 12 it
 * looks at every group of identical requirements.
 *
 * <p>{@code newContactOfferedToAFreeAgent}: with every agent available and nobody waiting, a
 * contact arrives and is offered at once (the router chooses among the free eligible agents),
 * then the customer leaves so the agent is free again. The figure is arrive plus leave.
 *
 * <p>{@code lines}: with 50, contacts name configured lines, half of them closed (their waiting
 * contacts are never picked); each cycle's new contact goes to an open line. Against 0 (implicit
 * lines, as before lines existed) it shows what opening hours cost a pick.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PickBenchmark {

    private static final Outcome RESOLVED = new Outcome(true, "resolved", null);

    @State(Scope.Thread)
    public static class LongQueue {
        @Param({"1000", "10000", "100000"})
        int waiting;
        @Param({"2000"})
        int agents;
        @Param({"4", "12"})
        int workerSkills;
        @Param({"0", "50"})
        int lines;

        Centre centre;
        String held;

        @Setup(Level.Trial)
        public void build() {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long before = runtime.totalMemory() - runtime.freeMemory();
            centre = new Centre();
            centre.lines(lines);
            centre.agents(agents, false);
            for (int i = 0; i < waiting; i++) {
                centre.arrive();
            }
            System.gc();
            long after = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("%n[heap] %d agents + %d waiting contacts: %.1f MB, about %d bytes per waiting contact%n",
                    agents, waiting, (after - before) / 1e6, (after - before) / waiting);
            centre.router.handle(new Command.RegisterAgent(Centre.expert("worker", workerSkills)));
            centre.router.handle(new Command.ConnectAgent("worker"));
            held = offeredIn(centre.router.handle(new Command.MakeAvailable("worker")));
        }
    }

    @State(Scope.Thread)
    public static class FreeAgents {
        @Param({"2000"})
        int agents;
        @Param({"0", "50"})
        int lines;

        Centre centre;

        @Setup(Level.Trial)
        public void build() {
            centre = new Centre();
            centre.lines(lines);
            centre.agents(agents, true);
        }
    }

    @Benchmark
    public List<Decision> freedAgentPicksNextContact(LongQueue state) {
        Centre centre = state.centre;
        centre.router.handle(new Command.AcceptOffer("worker", state.held));
        centre.clock.tick();
        List<Decision> decisions = centre.router.handle(new Command.CompleteContact("worker", state.held, RESOLVED));
        state.held = offeredIn(decisions);
        centre.arrive(state.workerSkills);
        return decisions;
    }

    @Benchmark
    public List<Decision> newContactOfferedToAFreeAgent(FreeAgents state) {
        // An open line (or an implicit one): the contact is offered at once.
        String id = state.centre.arrive(Centre.SKILLS.length);
        return state.centre.router.handle(new Command.CustomerLeave(id));
    }

    private static String offeredIn(List<Decision> decisions) {
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Offered offered) {
                return offered.contactId();
            }
        }
        throw new IllegalStateException("the freed agent was offered nothing: " + decisions);
    }
}
