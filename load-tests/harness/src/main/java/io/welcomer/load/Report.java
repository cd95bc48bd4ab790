package io.welcomer.load;

import io.vertx.core.json.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Turns a run's results into report.md (tables, ratios to the baselines) and latency.png. */
final class Report {

    private static final List<String> TARGETS = List.of("bare-json", "one-insert", "group-commit", "welcomer");
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728)};

    private Report() {
    }

    static void write(Path results, Path directory) throws IOException {
        List<JsonObject> lines = Files.readAllLines(results).stream().filter(line -> !line.isBlank())
                .map(JsonObject::new).toList();
        Map<String, List<JsonObject>> intake = new LinkedHashMap<>();
        for (String target : TARGETS) {
            lines.stream().filter(line -> line.getString("scenario").equals("intake"))
                    .filter(line -> line.getString("target").equals(target))
                    .forEach(line -> intake.computeIfAbsent(target, t -> new ArrayList<>()).add(line));
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.md"), markdown(intake, lines));
        ImageIO.write(chart(intake), "png", directory.resolve("latency.png").toFile());
    }

    private static String markdown(Map<String, List<JsonObject>> intake, List<JsonObject> lines) {
        StringBuilder md = new StringBuilder("# Load test report\n\n")
                .append(System.getenv().getOrDefault("LOAD_MACHINE", "")).append("\n\n")
                .append("## a. Intake ceiling (highest rate with p99 under 50 ms and no errors)\n\n")
                .append("| target | ceiling (req/s) | p50 ms | p99 ms | server CPU (cores) | vs group commit "
                        + "| vs one INSERT |\n")
                .append("|---|---|---|---|---|---|---|\n");
        Map<String, Double> ceilings = new LinkedHashMap<>();
        intake.forEach((target, steps) -> ceilings.put(target, steps.stream().filter(Report::withinGoal)
                .mapToDouble(step -> step.getDouble("achieved")).max().orElse(0)));
        double group = ceilings.getOrDefault("group-commit", Double.NaN);
        double insert = ceilings.getOrDefault("one-insert", Double.NaN);
        intake.forEach((target, steps) -> {
            JsonObject best = steps.stream().filter(Report::withinGoal)
                    .max((a, b) -> Double.compare(a.getDouble("achieved"), b.getDouble("achieved"))).orElse(null);
            JsonObject measure = best == null ? new JsonObject()
                    : best.getJsonObject("measures").getJsonObject("intake");
            double ceiling = ceilings.get(target);
            md.append("| %s | %,.0f | %.2f | %.2f | %.2f | %.0f%% | %.1fx |\n".formatted(target, ceiling,
                    measure.getDouble("p50", Double.NaN), measure.getDouble("p99", Double.NaN),
                    best == null ? Double.NaN : best.getDouble("cpu"), 100 * ceiling / group, ceiling / insert));
        });
        md.append("\n| target | offered/s | achieved/s | errors | p50 | p90 | p99 | p99.9 | max (ms) | CPU |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        intake.forEach((target, steps) -> steps.forEach(step -> md.append(row(target, step, "intake"))));
        md.append("\n## b/c. A staffed centre: agents as WebSocket clients (think 100 ms, touch ~1 s)\n\n")
                .append("| target | agents | measure | offered/s | achieved/s | errors | p50 | p90 | p99 | p99.9 "
                        + "| max (ms) | CPU |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<JsonObject> busy = lines.stream().filter(line -> line.getString("scenario").equals("busy")).toList();
        busy.forEach(line -> {
            String label = line.getString("target") + " | " + line.getInteger("agents");
            md.append(row(label + " | intake", line, "intake")).append(row(label + " | POST to offer", line, "postToOffer"));
        });
        md.append("\n| target | agents | heap after GC | heap per socket | not offered at the end "
                        + "| server mean time to human | server allocation per contact | PostgreSQL CPU |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        busy.forEach(line -> md.append("| %s | %,d | %,d MB | %,d bytes | %d | %.1f ms | %.1f KB | %.2f |\n".formatted(
                line.getString("target"), line.getInteger("agents"), line.getLong("heapBytes") / 1_000_000,
                line.getLong("heapPerSocketBytes"), line.getInteger("notOffered"),
                line.getDouble("serverTimeToHumanMeanMillis", Double.NaN), line.getDouble("allocatedPerContact", Double.NaN) / 1024,
                line.getDouble("databaseCpu", Double.NaN))));
        md.append("\nThe server's time to human runs from the POST to the agent's accept, so it includes the agents' "
                + "100 ms think time; the generator's POST to offer does not.\n");
        md.append("\n## Journal flushes: commands stored per transaction (one flush in flight at a time)\n\n")
                .append("| scenario | offered/s | flushes/s | mean | p50 | p99 (bucket bound) |\n")
                .append("|---|---|---|---|---|---|\n");
        lines.stream().filter(line -> line.containsKey("batches")).forEach(line -> {
            JsonObject b = line.getJsonObject("batches");
            String scenario = line.getString("scenario").equals("busy")
                    ? "busy, " + line.getInteger("agents") + " agents" : line.getString("scenario");
            md.append("| %s | %,.0f | %,.0f | %.1f | %.0f | %.0f |\n".formatted(scenario, line.getDouble("offered"),
                    b.getDouble("flushesPerSecond"), b.getDouble("mean"), b.getDouble("p50"), b.getDouble("p99")));
        });
        md.append("\nIn `intake` a command is a new contact; in `busy` also each accept and completion.\n");
        md.append("\n## d. A long queue: 50 agents (touch ~0.5 s) serve a line of n waiting contacts\n\n")
                .append("| waiting | picks | freed to offer p50 | p90 | p99 | max (ms) | heap after GC "
                        + "| heap per waiting contact |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        lines.stream().filter(line -> line.getString("scenario").equals("queue")).forEach(line -> {
            JsonObject picks = line.getJsonObject("measures").getJsonObject("freedToOffer");
            md.append("| %,d | %,d | %.2f | %.2f | %.2f | %.2f | %,d MB | %,d bytes |\n".formatted(
                    line.getInteger("waiting"), picks.getLong("count"), picks.getDouble("p50"), picks.getDouble("p90"),
                    picks.getDouble("p99"), picks.getDouble("max"), line.getLong("heapBytes") / 1_000_000,
                    line.getLong("heapPerContactBytes")));
        });
        md.append("\nA pick here is what an agent sees: from its `available` or `complete` frame to its next offer, "
                + "including the socket round trip and the journal's commit.\n");
        md.append("\n## e. Rough clients: intake beside a flooding console, a console and an event stream that "
                        + "stopped reading\n\n")
                .append("| run | offered/s | errors | p50 | p90 | p99 | p99.9 | max (ms) | heap after GC |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        lines.stream().filter(line -> line.getString("scenario").equals("flood")).forEach(line -> {
            for (String run : List.of("quiet", "flooded")) {
                JsonObject m = line.getJsonObject("measures").getJsonObject(run);
                md.append("| %s | %,.0f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %,d MB |\n".formatted(run,
                        line.getDouble("offered"), m.getLong("errors"), m.getDouble("p50"), m.getDouble("p90"),
                        m.getDouble("p99"), m.getDouble("p999"), m.getDouble("max"),
                        line.getLong(run.equals("quiet") ? "heapQuietBytes" : "heapFloodedBytes") / 1_000_000));
            }
            md.append("\nThe flooder sent %,d frames and was closed with %d; the console that stopped reading was "
                    .formatted(line.getLong("floodFramesSent"), line.getInteger("flooderClosedWith"))
                    + "closed with %d (0: still open at the end).\n".formatted(line.getInteger("deafClosedWith")));
        });
        md.append("\n![latency against load](latency.png)\n");
        return md.toString();
    }

    private static boolean withinGoal(JsonObject step) {
        JsonObject intake = step.getJsonObject("measures").getJsonObject("intake");
        return intake.getLong("errors") == 0 && intake.getDouble("p99") < 50;
    }

    private static String row(String label, JsonObject step, String measureName) {
        JsonObject m = step.getJsonObject("measures").getJsonObject(measureName);
        return "| %s | %,.0f | %,.0f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n".formatted(label,
                step.getDouble("offered"), step.getDouble("achieved"), m.getLong("errors"), m.getDouble("p50"),
                m.getDouble("p90"), m.getDouble("p99"), m.getDouble("p999"), m.getDouble("max"), step.getDouble("cpu"));
    }

    /** p50 and p99 of intake against the offered rate, both on log scales, one colour per target. */
    private static BufferedImage chart(Map<String, List<JsonObject>> intake) {
        int width = 900;
        int height = 560;
        int left = 80;
        int right = 200;
        int top = 40;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("Intake latency against offered load (p99 solid, p50 dashed; log scales)", left, 22);
        double minRate = 500;
        double maxRate = 200_000;
        double minMs = 0.1;
        double maxMs = 10_000;
        Axis x = new Axis(minRate, maxRate, left, width - right);
        Axis y = new Axis(maxMs, minMs, top, height - bottom);
        g.drawRect(left, top, width - right - left, height - bottom - top);
        for (double rate = 1_000; rate <= maxRate; rate *= 10) {
            g.drawString("%,.0f/s".formatted(rate), x.at(rate) - 20, height - bottom + 16);
        }
        for (double ms = 1; ms <= maxMs; ms *= 10) {
            g.drawString("%,.0f ms".formatted(ms), 10, y.at(ms) + 4);
        }
        g.setColor(Color.RED);
        g.drawLine(left, y.at(50), width - right, y.at(50));
        g.drawString("50 ms goal", width - right + 6, y.at(50) + 4);
        int series = 0;
        for (Map.Entry<String, List<JsonObject>> target : intake.entrySet()) {
            Color colour = COLOURS[series % COLOURS.length];
            g.setColor(colour);
            g.drawString(target.getKey(), width - right + 6, top + 20 + 18 * series);
            plot(g, x, y, target.getValue(), "p99", new BasicStroke(2f));
            plot(g, x, y, target.getValue(), "p50", new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f));
            series++;
        }
        g.dispose();
        return image;
    }

    private static void plot(Graphics2D g, Axis x, Axis y, List<JsonObject> steps, String percentile,
                             BasicStroke stroke) {
        g.setStroke(stroke);
        int[] previous = null;
        for (JsonObject step : steps) {
            double ms = Math.max(0.1, step.getJsonObject("measures").getJsonObject("intake").getDouble(percentile));
            int[] point = {x.at(step.getDouble("offered")), y.at(Math.min(ms, 10_000))};
            g.fillOval(point[0] - 3, point[1] - 3, 6, 6);
            if (previous != null) {
                g.drawLine(previous[0], previous[1], point[0], point[1]);
            }
            previous = point;
        }
    }

    /** A log scale from one value to another onto pixels. */
    private record Axis(double from, double to, int fromPixel, int toPixel) {
        int at(double value) {
            double share = (Math.log(value) - Math.log(from)) / (Math.log(to) - Math.log(from));
            return (int) Math.round(fromPixel + share * (toPixel - fromPixel));
        }
    }
}
