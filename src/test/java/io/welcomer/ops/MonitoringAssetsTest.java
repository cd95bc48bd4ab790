package io.welcomer.ops;

import static io.restassured.RestAssured.get;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Lines;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The Grafana dashboard and the alert rules in k8s/ use only what the server exports, and the rules work. */
@QuarkusTest
class MonitoringAssetsTest {

    private static final Path DASHBOARD = Path.of("k8s", "monitoring", "welcomer-dashboard.json");
    private static final Path RULES = Path.of("k8s", "monitoring", "welcomer-rules.yml");
    private static final Path RULE_TESTS = Path.of("k8s", "monitoring", "welcomer-rules.test.yml");
    private static final Pattern METRIC = Pattern.compile("welcomer_[a-z_]+");

    @Test
    void everyMetricTheDashboardAndAlertsUseIsExported() throws Exception {
        serveOneContactWithFeedbackAndARepeat();
        Set<String> exported = get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("welcomer_"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> used = new TreeSet<>();
        used.addAll(metricsIn(dashboardQueries()));
        used.addAll(metricsIn(Files.readString(RULES)));
        assertFalse(used.isEmpty());
        for (String metric : used) {
            assertTrue(exported.contains(metric), metric + " is used but not exported; exported: " + exported);
        }
        assertTrue(exported.stream().noneMatch(name -> name.contains("handle")), "no handle-time measure");
    }

    @Test
    void theDashboardIsImportableAsIs() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("datasource", dashboard.path("templating").path("list").get(0).path("type").asText());
        for (JsonNode panel : dashboard.path("panels")) {
            assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            assertFalse(panel.path("title").asText().toLowerCase().contains("handle"));
        }
    }

    /**
     * promtool is Prometheus's own checker (Debian package prometheus; .ci/run installs it). In
     * CI (CI=true) a missing promtool fails the test: the rules must never ship unchecked because
     * the tool quietly went missing. On a developer's machine without it the test is reported as
     * skipped, not passed; the metric names above are still checked against the server.
     */
    @Test
    void theAlertRulesPassPromtoolAndTheirUnitTests() throws Exception {
        requirePromtool(System.getenv("PATH"), System.getenv("CI"));
        promtool("check", "rules", RULES.getFileName().toString());
        promtool("test", "rules", RULE_TESTS.getFileName().toString());
    }

    /** Also configures a line, whose gauges exist only while it does, and lets a customer give up. */
    private static void serveOneContactWithFeedbackAndARepeat() {
        String skill = Api.uniqueSkill();
        admin().body(Lines.alwaysOpen(skill)).put("/v1/lines/{id}", Api.uniqueId("monitored")).then().statusCode(201);
        String customer = Api.uniqueId("cust");
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (AgentClient agent = Api.availableAgent(token)) {
            String id = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            Api.serve(agent, id);
            gateway().body(Map.of("csat", 5)).post("/v1/contacts/{id}/feedback", id).then().statusCode(200);
            gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts").then().statusCode(201);
            agent.next("offer");
        }
        String unserved = gateway().body(Api.contact(Api.uniqueSkill(), Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        gateway().delete("/v1/contacts/{id}", unserved).then().statusCode(200);
    }

    private static String dashboardQueries() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        StringBuilder queries = new StringBuilder();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(target -> queries.append(target.path("expr").asText()).append('\n'));
        }
        return queries.toString();
    }

    private static Set<String> metricsIn(String text) {
        Set<String> metrics = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            metrics.add(matcher.group());
        }
        return metrics;
    }

    @Test
    void withoutPromtoolTheCheckIsSkippedOrInCiFailsButNeverPasses() {
        String noPromtool = Path.of("target").toAbsolutePath().toString();
        assertThrows(TestAbortedException.class, () -> requirePromtool(noPromtool, null));
        assertThrows(AssertionError.class, () -> requirePromtool(noPromtool, "true"));
    }

    /** Goes on only with promtool on this PATH; without it, skipped (an assumption), or failed in CI. */
    private static void requirePromtool(String path, String ci) {
        boolean found = Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
        if (!found && "true".equalsIgnoreCase(ci)) {
            throw new AssertionError("promtool is not on the PATH in CI; install Debian's prometheus package (.ci/run does)");
        }
        assumeTrue(found, "promtool is not on the PATH (Debian's prometheus package): the rules are not checked by it");
    }

    /** Runs promtool in the rules' folder; fails with its output unless it exits 0. */
    private static void promtool(String... arguments) throws Exception {
        Process process = new ProcessBuilder(Stream.concat(Stream.of("promtool"), Stream.of(arguments)).toList())
                .directory(RULES.getParent().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, process.exitValue(), "promtool " + String.join(" ", arguments) + ":\n" + output);
    }
}
