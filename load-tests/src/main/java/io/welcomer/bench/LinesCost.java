package io.welcomer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * What configured lines cost a pick, measured where JMH's wall clock cannot be trusted (a machine
 * shared with other work): the same two centres, one with implicit lines and one with 50 lines
 * half of them closed, built in one JVM and run in alternating blocks of the benchmark's own
 * cycles, each block timed by the thread's CPU time. Both run the same compiled code, and a drift
 * in the machine's load falls on both; the figure is the median of the blocks and of their ratios.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar io.welcomer.bench.LinesCost [blocks]}.
 */
public final class LinesCost {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_BLOCKS = 20;
    /** Keeps the decisions alive, so the JIT cannot drop the cycles. */
    private static long sink;

    private LinesCost() {
    }

    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        PickBenchmark benchmark = new PickBenchmark();
        System.out.println("| benchmark | waiting | worker skills | implicit lines, us CPU per cycle | 50 lines half closed | ratio (quartiles) |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (int[] queue : new int[][] {{1_000, 4}, {10_000, 4}, {100_000, 4}, {10_000, 12}, {100_000, 12}}) {
            PickBenchmark.LongQueue[] states = new PickBenchmark.LongQueue[2];
            for (int i = 0; i < 2; i++) {
                PickBenchmark.LongQueue state = new PickBenchmark.LongQueue();
                state.waiting = queue[0];
                state.agents = 2_000;
                state.workerSkills = queue[1];
                state.lines = i == 0 ? 0 : 50;
                state.build();
                states[i] = state;
            }
            report("freedAgentPicksNextContact", queue[0], String.valueOf(queue[1]), blocks,
                    () -> benchmark.freedAgentPicksNextContact(states[0]).size(),
                    () -> benchmark.freedAgentPicksNextContact(states[1]).size());
        }
        PickBenchmark.FreeAgents[] free = new PickBenchmark.FreeAgents[2];
        for (int i = 0; i < 2; i++) {
            free[i] = new PickBenchmark.FreeAgents();
            free[i].agents = 2_000;
            free[i].lines = i == 0 ? 0 : 50;
            free[i].build();
        }
        report("newContactOfferedToAFreeAgent", 0, "-", blocks,
                () -> benchmark.newContactOfferedToAFreeAgent(free[0]).size(),
                () -> benchmark.newContactOfferedToAFreeAgent(free[1]).size());
        System.out.println("(sink " + (sink % 10) + ")");
    }

    private static void report(String name, int waiting, String skills, int blocks, Supplier<Integer> without,
            Supplier<Integer> with) {
        // Cycles per block: about 20 ms of work for the slower of the two.
        int cycles = Math.max(50, (int) (20_000 / Math.max(perCycle(without, 200), perCycle(with, 200))));
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int block = 0; block < WARM_UP_BLOCKS + blocks; block++) {
            // The order alternates, so that neither side always runs first.
            boolean withFirst = block % 2 == 1;
            double first = perCycle(withFirst ? with : without, cycles);
            double second = perCycle(withFirst ? without : with, cycles);
            if (block >= WARM_UP_BLOCKS) {
                double off = withFirst ? second : first;
                double on = withFirst ? first : second;
                a.add(off);
                b.add(on);
                ratios.add(on / off);
            }
        }
        System.out.printf("| %s | %,d | %s | %.1f | %.1f | %.3f (%.3f-%.3f) |%n", name, waiting, skills, quantile(a, 0.5),
                quantile(b, 0.5), quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75));
    }

    /** Microseconds of this thread's CPU per cycle, over this many cycles. */
    private static double perCycle(Supplier<Integer> cycle, int cycles) {
        long start = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < cycles; i++) {
            sink += cycle.get();
        }
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e3 / cycles;
    }

    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
