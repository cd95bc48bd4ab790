package io.welcomer.docs;

import static io.restassured.RestAssured.get;
import static io.welcomer.support.Api.gateway;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/metrics.md has every metric the server exports, once a contact has been served. */
@QuarkusTest
class MetricsReferenceTest {

    private static final Path REFERENCE = Path.of("docs", "metrics.md");
    /** The series a histogram, a timer or a counter adds to its name. */
    private static final List<String> SERIES = List.of("_bucket", "_count", "_sum", "_max", "_created");

    @Test
    void everyExportedMetricIsInTheReference() throws Exception {
        serveOneContactWithFeedback();
        Set<String> exported = get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("welcomer_"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(exported.contains("welcomer_contacts_created_total"), "not scraped as expected: " + exported);
        String reference = Files.readString(REFERENCE);
        Set<String> missing = exported.stream()
                .filter(series -> Stream.concat(Stream.of(series), SERIES.stream()
                                .filter(series::endsWith)
                                .map(suffix -> series.substring(0, series.length() - suffix.length())))
                        .noneMatch(name -> reference.contains("`" + name + "`")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "docs/metrics.md has no row for " + missing
                + " (add | `name` | type | labels | meaning |)");
    }

    private static void serveOneContactWithFeedback() {
        String skill = Api.uniqueSkill();
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (AgentClient agent = Api.availableAgent(token)) {
            String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            Api.serve(agent, id);
            gateway().body(Map.of("csat", 4)).post("/v1/contacts/{id}/feedback", id).then().statusCode(200);
        }
    }
}
