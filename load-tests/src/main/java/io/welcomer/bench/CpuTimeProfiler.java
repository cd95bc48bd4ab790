package io.welcomer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall-clock time: on a machine shared with other work the
 * benchmark thread waits for a core, and that wait is in the wall-clock figure but not in its CPU
 * time. {@code cpu.worker} is the benchmark threads' own CPU time, {@code cpu.process} adds the
 * JVM's (GC, JIT). Use with {@code -prof io.welcomer.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long workerBefore;
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation: the benchmark threads' own, and the whole JVM's";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerBefore = workerCpuNanos();
        processBefore = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops == 0) {
            return List.of();
        }
        double worker = (workerCpuNanos() - workerBefore) / 1e3 / ops;
        double process = (os.getProcessCpuTime() - processBefore) / 1e3 / ops;
        return List.of(new ScalarResult("cpu.worker", worker, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process, "us/op", AggregationPolicy.AVG));
    }

    /** JMH names the threads that run the benchmark method "...-jmh-worker-N". */
    private long workerCpuNanos() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-jmh-worker-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
