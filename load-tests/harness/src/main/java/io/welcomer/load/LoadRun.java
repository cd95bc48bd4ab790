package io.welcomer.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator's scenarios; each appends one JSON line per step to a results file, which
 * {@link Report} turns into a table and a chart.
 *
 * <pre>
 * intake  results name port bearer pid          intake ceiling: rising rates until p99 &gt; 50 ms or errors
 * busy    results port pid rate seconds agents [target]
 *                                               a staffed centre: POST to offer, time to human, heap per socket,
 *                                               server CPU and allocation; target names the server
 *                                               (welcomer, or life-floor for {@link LifeFloor})
 * queue   results port pid                      long queues: a freed agent's pick with 1k, 10k, 100k waiting
 * flood   results port pid rate seconds agents  rough clients: intake p99 and heap, quiet then beside a
 *                                               flooding socket and one that stopped reading
 * steady  results port pid rate seconds         intake at one rate (nobody serves): its p99, to set beside
 *                                               the same with something else running (records/run.sh)
 * report  results directory                     report.md and latency.png
 * </pre>
 */
public final class LoadRun {

    static final String GATEWAY_KEY = "load-gateway";
    static final String ADMIN_KEY = "load-admin";
    private static final double P99_GOAL_MILLIS = 50;
    private static final Duration STEP = Duration.ofSeconds(8);
    /**
     * Unmeasured load first, so that the JIT has compiled the hot paths of client and server: 10 s
     * by default, WARM_UP_SECONDS otherwise (a slow machine's C2 compiler may still take a core).
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("WARM_UP_SECONDS", "10")));
    private static final double FIRST_RATE = 1_000;
    private static final double RATE_FACTOR = 1.5;
    private static final double MAX_RATE = 150_000;

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "intake" -> intake(Path.of(args[1]), args[2], Integer.parseInt(args[3]),
                    args[4].equals("-") ? null : args[4], new Server(Long.parseLong(args[5])));
            case "busy" -> busy(Path.of(args[1]), Integer.parseInt(args[2]), new Server(Long.parseLong(args[3])),
                    Double.parseDouble(args[4]), Duration.ofSeconds(Long.parseLong(args[5])),
                    Integer.parseInt(args[6]), args.length > 7 ? args[7] : "welcomer");
            case "flood" -> flood(Path.of(args[1]), Integer.parseInt(args[2]), new Server(Long.parseLong(args[3])),
                    Double.parseDouble(args[4]), Duration.ofSeconds(Long.parseLong(args[5])), Integer.parseInt(args[6]));
            case "steady" -> steady(Path.of(args[1]), Integer.parseInt(args[2]), new Server(Long.parseLong(args[3])),
                    Double.parseDouble(args[4]), Duration.ofSeconds(Long.parseLong(args[5])));
            case "queue" -> queue(Path.of(args[1]), Integer.parseInt(args[2]), new Server(Long.parseLong(args[3])));
            case "report" -> Report.write(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("scenario: intake, busy, flood, steady, queue or report");
        }
        System.exit(0);
    }

    /** Scenario a: the highest rate with p99 under 50 ms and no errors. */
    static void intake(Path results, String target, int port, String bearer, Server server) throws Exception {
        Vertx vertx = Vertx.vertx();
        Http http = new Http(vertx, port, bearer, 64);
        String path = bearer == null ? "/contacts" : "/v1/contacts";
        AtomicLong numbers = new AtomicLong();
        await(OpenLoad.run(vertx, FIRST_RATE, WARM_UP, new Measure("warm-up"), intended ->
                http.send(HttpMethod.POST, path, contact("warm-up", "w-" + numbers.incrementAndGet()), 201)));
        for (double rate = FIRST_RATE; rate <= MAX_RATE; rate *= RATE_FACTOR) {
            Measure intake = new Measure("intake");
            double cpuBefore = server.cpuSeconds();
            JournalBatches batchesBefore = bearer == null ? null : JournalBatches.read(http);
            long start = System.nanoTime();
            await(OpenLoad.run(vertx, rate, STEP, intake, intended ->
                    http.send(HttpMethod.POST, path, contact("intake", "c-" + numbers.incrementAndGet()), 201)));
            double seconds = (System.nanoTime() - start) / 1e9;
            Measure.Summary summary = intake.summary();
            JsonObject step = new JsonObject().put("scenario", "intake").put("target", target).put("offered", rate)
                    .put("achieved", summary.count() / STEP.toSeconds()).put("cpu", (server.cpuSeconds() - cpuBefore)
                            / seconds).put("measures", new JsonObject().put("intake", summary(summary)));
            if (batchesBefore != null) {
                step.put("batches", JournalBatches.read(http).since(batchesBefore, seconds));
            }
            append(results, step);
            System.out.printf("%s %8.0f/s  %s%n", target, rate, summary.row());
            if (summary.errors() > 0 || summary.p99() > P99_GOAL_MILLIS) {
                break;
            }
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Scenarios b and c: a staffed centre at a steady rate, agents as real WebSocket clients. */
    static void busy(Path results, int port, Server server, double rate, Duration duration, int agentCount,
                     String target) throws Exception {
        Vertx vertx = Vertx.vertx();
        Http gateway = new Http(vertx, port, GATEWAY_KEY, 64);
        Http admin = new Http(vertx, port, ADMIN_KEY, 32);
        Agents agents = new Agents(vertx, admin, port, 100, 1_000);
        long heapBefore = server.heapAfterGc();
        await(agents.start(agentCount, "busy"));
        long heapWithAgents = server.heapAfterGc();
        AtomicLong numbers = new AtomicLong();
        await(OpenLoad.run(vertx, rate / 2, WARM_UP, new Measure("warm-up"), intended ->
                gateway.send(HttpMethod.POST, "/v1/contacts", contact("busy", "w-" + numbers.incrementAndGet()), 201)));
        Thread.sleep(5_000);
        agents.postToOffer.reset();
        JsonObject humanBefore = timeToHuman(admin);
        Measure intake = new Measure("intake");
        double allocatedBefore = allocatedBytes(admin);
        double databaseBefore = Database.cpuSeconds(vertx);
        double cpuBefore = server.cpuSeconds();
        JournalBatches batchesBefore = JournalBatches.read(admin);
        long start = System.nanoTime();
        await(OpenLoad.run(vertx, rate, duration, intake, intended -> {
            String customer = "b-" + numbers.incrementAndGet();
            agents.sentAt.put(customer, intended);
            return gateway.send(HttpMethod.POST, "/v1/contacts", contact("busy", customer), 201);
        }));
        for (int i = 0; i < 100 && !agents.sentAt.isEmpty(); i++) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (server.cpuSeconds() - cpuBefore) / seconds;
        double databaseCpu = (Database.cpuSeconds(vertx) - databaseBefore) / seconds;
        double allocatedPerContact = (allocatedBytes(admin) - allocatedBefore) / intake.count();
        JsonObject humanAfter = timeToHuman(admin);
        JsonObject batches = JournalBatches.read(admin).since(batchesBefore, seconds);
        double humans = humanAfter.getDouble("count") - humanBefore.getDouble("count");
        double serverMeanMillis = humans == 0 ? Double.NaN
                : 1000 * (humanAfter.getDouble("sum") - humanBefore.getDouble("sum")) / humans;
        Measure.Summary toOffer = agents.postToOffer.summary();
        JsonObject line = new JsonObject().put("scenario", "busy").put("target", target).put("offered", rate)
                .put("achieved", intake.count() / (double) duration.toSeconds()).put("agents", agentCount)
                .put("cpu", cpu).put("databaseCpu", databaseCpu).put("allocatedPerContact", allocatedPerContact)
                .put("heapBytes", heapWithAgents).put("heapPerSocketBytes", (heapWithAgents - heapBefore) / agentCount)
                .put("notOffered", agents.sentAt.size()).put("completed", agents.completed.get())
                .put("agentErrors", agents.errors.get())
                .put("measures", new JsonObject().put("intake", summary(intake.summary()))
                        .put("postToOffer", summary(toOffer)));
        // The floor has neither a time-to-human histogram nor a journal.
        if (humans > 0) {
            line.put("serverTimeToHumanMeanMillis", serverMeanMillis).put("batches", batches);
        }
        append(results, line);
        System.out.printf("busy %8.0f/s %d agents  intake %s  to offer %s  server time to human mean %.1f ms%n"
                        + "  server CPU %.3f cores, PostgreSQL CPU %.3f cores, server allocated %.1f KB per contact%n",
                rate, agentCount, intake.summary().row(), toOffer.row(), serverMeanMillis, cpu, databaseCpu,
                allocatedPerContact / 1024);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Gateways post at one rate for a while, after a warm-up; one line with the intake's figures. */
    static void steady(Path results, int port, Server server, double rate, Duration duration) throws Exception {
        Vertx vertx = Vertx.vertx();
        Http gateway = new Http(vertx, port, GATEWAY_KEY, 64);
        AtomicLong numbers = new AtomicLong();
        await(OpenLoad.run(vertx, rate, WARM_UP, new Measure("warm-up"), intended ->
                gateway.send(HttpMethod.POST, "/v1/contacts", contact("steady", "w-" + numbers.incrementAndGet()), 201)));
        Measure intake = new Measure("intake");
        double cpuBefore = server.cpuSeconds();
        long start = System.nanoTime();
        await(OpenLoad.run(vertx, rate, duration, intake, intended ->
                gateway.send(HttpMethod.POST, "/v1/contacts", contact("steady", "s-" + numbers.incrementAndGet()), 201)));
        double cpu = (server.cpuSeconds() - cpuBefore) / ((System.nanoTime() - start) / 1e9);
        Measure.Summary summary = intake.summary();
        append(results, new JsonObject().put("scenario", "steady").put("offered", rate).put("cpu", cpu)
                .put("measures", new JsonObject().put("intake", summary(summary))));
        System.out.printf("steady %6.0f/s  %s  cpu %.2f%n", rate, summary.row(), cpu);
        vertx.close();
    }

    /**
     * Scenario e: gateways post at a steady rate to a staffed centre, quiet, then again beside two
     * rough consoles (one floods frames, one stopped reading). The intake p99 of each run and the
     * server's heap after GC at the end of each: the rough clients should cost neither.
     */
    static void flood(Path results, int port, Server server, double rate, Duration duration, int agentCount)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        Http gateway = new Http(vertx, port, GATEWAY_KEY, 64);
        Http admin = new Http(vertx, port, ADMIN_KEY, 32);
        Agents agents = new Agents(vertx, admin, port, 100, 1_000);
        await(agents.start(agentCount, "flood"));
        AtomicLong numbers = new AtomicLong();
        await(OpenLoad.run(vertx, rate, WARM_UP, new Measure("warm-up"), intended ->
                gateway.send(HttpMethod.POST, "/v1/contacts", contact("flood", "w-" + numbers.incrementAndGet()), 201)));
        Measure quiet = new Measure("quiet");
        await(OpenLoad.run(vertx, rate, duration, quiet, intended ->
                gateway.send(HttpMethod.POST, "/v1/contacts", contact("flood", "q-" + numbers.incrementAndGet()), 201)));
        long heapQuiet = server.heapAfterGc();

        RoughClients rough = new RoughClients(vertx, admin, port);
        await(rough.start(GATEWAY_KEY));
        Measure flooded = new Measure("flooded");
        double cpuBefore = server.cpuSeconds();
        long start = System.nanoTime();
        await(OpenLoad.run(vertx, rate, duration, flooded, intended ->
                gateway.send(HttpMethod.POST, "/v1/contacts", contact("flood", "f-" + numbers.incrementAndGet()), 201)));
        double cpu = (server.cpuSeconds() - cpuBefore) / ((System.nanoTime() - start) / 1e9);
        long heapFlooded = server.heapAfterGc();
        rough.stop();
        Measure.Summary q = quiet.summary();
        Measure.Summary f = flooded.summary();
        append(results, new JsonObject().put("scenario", "flood").put("target", "welcomer").put("offered", rate)
                .put("agents", agentCount).put("cpu", cpu)
                .put("heapQuietBytes", heapQuiet).put("heapFloodedBytes", heapFlooded)
                .put("floodFramesSent", rough.floodFramesSent.get())
                .put("flooderClosedWith", rough.flooderClosedWith.get())
                .put("deafClosedWith", rough.deafClosedWith.get())
                .put("measures", new JsonObject().put("quiet", summary(q)).put("flooded", summary(f))));
        System.out.printf("flood %6.0f/s  quiet %s  flooded %s  heap %d -> %d MB  flooder sent %d frames, closed %d;"
                        + " deaf closed %d%n", rate, q.row(), f.row(), heapQuiet >> 20, heapFlooded >> 20,
                rough.floodFramesSent.get(), rough.flooderClosedWith.get(), rough.deafClosedWith.get());
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /**
     * Scenario d: a line of n contacts waits (nobody can serve it), then 50 agents with its skill
     * connect and serve it (touch time ~0.5 s), each freed agent picking the next. Per n, once
     * every agent is connected: the time from an agent being freed to its offer, and the server's
     * heap after GC per waiting contact.
     */
    static void queue(Path results, int port, Server server) throws Exception {
        Vertx vertx = Vertx.vertx();
        Http gateway = new Http(vertx, port, GATEWAY_KEY, 64);
        Http admin = new Http(vertx, port, ADMIN_KEY, 32);
        AtomicLong numbers = new AtomicLong();
        // The first line of 1,000 warms the JIT up and is not reported.
        int[] lines = {1_000, 1_000, 10_000, 100_000};
        for (int level = 0; level < lines.length; level++) {
            int waiting = lines[level];
            String skill = "line" + level;
            long heapBefore = server.heapAfterGc();
            Measure intake = new Measure("intake");
            await(OpenLoad.run(vertx, 4_000, Duration.ofMillis(waiting / 4), intake, intended -> gateway.send(
                    HttpMethod.POST, "/v1/contacts", contact(skill, "q-" + numbers.incrementAndGet()), 201)));
            long heapWithLine = server.heapAfterGc();
            Agents agents = new Agents(vertx, admin, port, 1, 500);
            await(agents.start(50, skill));
            agents.freedToOffer.reset();
            double cpuBefore = server.cpuSeconds();
            long start = System.nanoTime();
            Thread.sleep(5_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            Measure.Summary picks = agents.freedToOffer.summary();
            if (level == 0) {
                continue;
            }
            append(results, new JsonObject().put("scenario", "queue").put("target", "welcomer")
                    .put("waiting", waiting).put("stored", intake.count()).put("offered", (double) picks.count())
                    .put("achieved", picks.count() / seconds).put("cpu", (server.cpuSeconds() - cpuBefore) / seconds)
                    .put("heapBytes", heapWithLine).put("heapPerContactBytes", (heapWithLine - heapBefore) / waiting)
                    .put("measures", new JsonObject().put("freedToOffer", summary(picks))));
            System.out.printf("queue %,d waiting: freed to offer %s; heap %,d MB%n", waiting, picks.row(),
                    heapWithLine / 1_000_000);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The context every contact carries, as LOAD_CONTEXT gives it (a JSON object); none when unset. */
    private static final String CONTEXT = System.getenv("LOAD_CONTEXT");

    static JsonObject contact(String skill, String customerId) {
        JsonObject contact = new JsonObject().put("channel", "voice")
                .put("customer", new JsonObject().put("id", customerId).put("name", "Load Customer"))
                .put("skills", new JsonObject().put(skill, 1)).put("topic", "load");
        return CONTEXT == null ? contact : contact.put("context", new JsonObject(CONTEXT));
    }

    /**
     * Bytes the server's JVM has allocated so far, from its own metrics (Micrometer's
     * {@code jvm.gc.memory.allocated}: the young generation's growth between collections), so the
     * figure is exact to within one young generation over a step of many.
     */
    private static double allocatedBytes(Http admin) throws Exception {
        String metrics = await(admin.send(HttpMethod.GET, "/q/metrics", null, 200)).toString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_gc_memory_allocated_bytes_total")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    /** The server's own time-to-human histogram, summed over channels: count and sum in seconds. */
    private static JsonObject timeToHuman(Http admin) throws Exception {
        String metrics = await(admin.send(HttpMethod.GET, "/q/metrics", null, 200)).toString();
        double count = 0;
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("welcomer_time_to_human_seconds_count")) {
                count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("welcomer_time_to_human_seconds_sum")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new JsonObject().put("count", count).put("sum", sum);
    }

    static JsonObject summary(Measure.Summary summary) {
        return new JsonObject().put("count", summary.count()).put("errors", summary.errors())
                .put("p50", summary.p50()).put("p90", summary.p90()).put("p99", summary.p99())
                .put("p999", summary.p999()).put("max", summary.max());
    }

    private static void append(Path results, JsonObject line) throws IOException {
        Files.writeString(results, line.encode() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}
