package io.welcomer.examples;

import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * examples/gateway/ExampleGateway.java, run as a user runs it (the JDK's source launcher), against
 * the real server, with a real agent on the WebSocket: it posts a call, offers the callback, dials
 * the number the agent's accept gives it, and hangs up; or, with nobody to take the call, gives up.
 */
@QuarkusTest
class ExampleGatewayTest {

    private static final Path EXAMPLE = Path.of("examples", "gateway", "ExampleGateway.java");
    /** Compiling the example at launch takes a few seconds on a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String NUMBER = "+15551230000";

    @Test
    void theExampleTakesACallbackThroughToTheAgentAndHangsUp() throws Exception {
        String skill = Api.uniqueSkill();
        String agentId = Api.uniqueId("agent");
        String token = Api.agentWithToken(agentId, Map.of(skill, 1), Map.of());
        try (AgentClient agent = AgentClient.connect(token); Example example = Example.run(skill, "60")) {
            agent.next("hello");
            String id = example.await(line -> line.startsWith("contact ") && line.endsWith(" QUEUED")).split(" ")[1];
            example.await(line -> line.startsWith("you are number 1 in line"));
            example.await(line -> line.equals("callback arranged on " + NUMBER + ", place kept"));

            agent.send(Map.of("type", "available"));
            JsonNode offer = agent.next("offer");
            assertEquals(id, offer.path("contactId").asText());
            assertEquals("CALLBACK", offer.path("mode").asText());
            agent.send(Map.of("type", "accept", "contactId", id));
            assertEquals(NUMBER, agent.next("connected").path("callbackNumber").asText());

            example.await(line -> line.equals("connected to " + agentId + ": dialling " + NUMBER));
            example.await(line -> line.equals("hung up: CONNECTED"));
            assertEquals(id, agent.next("customer-left").path("contactId").asText());
            assertEquals(0, example.exitCode());

            gateway().get("/v1/contacts/{id}", id).then().statusCode(200)
                    .body("state", equalTo("CONNECTED")).body("mode", equalTo("CALLBACK"));
        }
    }

    @Test
    void withNobodyToTakeTheCallTheCallerGivesUpAndTheContactIsAbandoned() throws Exception {
        try (Example example = Example.run(Api.uniqueSkill(), "3")) {
            String id = example.await(line -> line.startsWith("contact ") && line.endsWith(" QUEUED")).split(" ")[1];
            example.await(line -> line.equals("gave up waiting: ABANDONED"));
            assertEquals(2, example.exitCode());
            gateway().get("/v1/contacts/{id}", id).then().statusCode(200).body("state", equalTo("ABANDONED"));
        }
    }

    /** The example gateway as a process, its output read line by line as it comes. */
    private record Example(Process process, BlockingQueue<String> lines, List<String> seen) implements AutoCloseable {

        static Example run(String skill, String waitSeconds) throws IOException {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    EXAMPLE.toString(), "--server", "http://localhost:" + Api.port(), "--key", Api.GATEWAY_KEY,
                    "--customer", Api.uniqueId("cust"), "--skill", skill, "--number", NUMBER, "--wait", waitSeconds)
                    .redirectErrorStream(true).start();
            Example example = new Example(process, new LinkedBlockingQueue<>(), new ArrayList<>());
            Thread.ofVirtual().start(() -> {
                try (BufferedReader output = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    output.lines().forEach(example.lines::add);
                } catch (IOException ended) {
                    // the process is gone; what it printed is in lines
                }
            });
            return example;
        }

        /** The next line that matches, within the bound; fails with everything printed so far. */
        String await(Predicate<String> expected) throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line != null) {
                    seen.add(line);
                    if (expected.test(line)) {
                        return line;
                    }
                }
            }
            throw new AssertionError("the example did not print the expected line within " + BOUND + "; it printed:\n"
                    + String.join("\n", seen));
        }

        int exitCode() throws InterruptedException {
            assertTrue(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "the example is still running");
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
