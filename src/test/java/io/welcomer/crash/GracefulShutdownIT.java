package io.welcomer.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.support.PackagedServer;
import io.welcomer.support.RobotAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM in the middle of a burst with agents working: every 201 is stored, nothing is answered
 * with a 5xx other than a 503, every agent's socket is closed with 1001 ("going away", so its
 * console reconnects elsewhere), the process exits within its bound, and the next start finds
 * everything.
 */
class GracefulShutdownIT {

    private static final int AGENTS = 10;
    private static final int PER_SECOND = 200;
    private static final int STOP_AFTER_CREATED = 200;
    /** The goal: out within quarkus.shutdown.delay and .timeout (1 + 6 s), then 2 s for the last flush and the JVM's exit. */
    private static final Duration EXIT_GOAL = Duration.ofSeconds(9);
    /** How long to wait at most, so that a missed goal is measured and reported rather than cut off. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStopInABurstStoresEveryAcknowledgedContactAndSendsAgentsElsewhere() throws Exception {
        try (PackagedServer server = new PackagedServer("welcomer_graceful_stop")) {
            server.start();
            List<RobotAgent> agents = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String agentId = "stop-" + i;
                server.admin().body(Map.of("name", agentId, "skills", Map.of("stop", 3), "capacity", Map.of("chat", 3)))
                        .put("/v1/agents/{id}", agentId).then().statusCode(201);
                agents.add(new RobotAgent(server.port(), server.admin().post("/v1/agents/{id}/tokens", agentId)
                        .then().statusCode(201).extract().path("token"), agentId, (contactId, agent) -> { }));
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI contacts = URI.create("http://127.0.0.1:" + server.port() + "/v1/contacts");
            List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
            AtomicInteger created = new AtomicInteger();
            long started = System.nanoTime();
            long gapNanos = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
            for (int i = 0; created.get() < STOP_AFTER_CREATED && i < 20 * STOP_AFTER_CREATED; i++) {
                long due = started + i * gapNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                posts.add(post(http, contacts, i, created));
            }
            // Stopped in full flow: posts keep coming while the server drains.
            CompletableFuture<Duration> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.terminate(EXIT_BOUND);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; !exit.isDone(); i++) {
                posts.add(post(http, contacts, STOP_AFTER_CREATED * 20 + i, created));
                Thread.sleep(1000 / PER_SECOND);
            }
            Duration exitTime = exit.get(EXIT_BOUND.toSeconds() + 5, TimeUnit.SECONDS);

            List<String> acknowledged = new ArrayList<>();
            int unavailable = 0;
            int unanswered = 0;
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                HttpResponse<String> answer = post.handle((response, refused) -> response).get(10, TimeUnit.SECONDS);
                if (answer == null) {
                    unanswered++; // the listener was closed: the gateway could not hand it over, and knows it
                    continue;
                }
                if (answer.statusCode() == 503) {
                    unavailable++;
                }
                assertTrue(answer.statusCode() == 201 || answer.statusCode() == 503,
                        "an answer during shutdown was " + answer.statusCode() + ": " + answer.body());
                if (answer.statusCode() == 201) {
                    acknowledged.add(JSON.readTree(answer.body()).path("id").asText());
                }
            }
            assertTrue(unavailable > 0, "no new contact was refused while the server stopped");
            for (RobotAgent agent : agents) {
                assertEquals(1001, agent.closeCode.get(5, TimeUnit.SECONDS), "an agent's socket closed otherwise");
            }
            System.out.printf("graceful stop: exit %d ms after SIGTERM; %d posts: %d acknowledged, %d 503, %d unanswered%n",
                    exitTime.toMillis(), posts.size(), acknowledged.size(), unavailable, unanswered);
            assertTrue(exitTime.compareTo(EXIT_GOAL) < 0,
                    "the process exited " + exitTime.toMillis() + " ms after SIGTERM, the goal is " + EXIT_GOAL);

            server.start();
            for (String id : acknowledged) {
                assertEquals(200, server.gateway().get("/v1/contacts/{id}", id).statusCode(),
                        "acknowledged contact " + id + " is lost");
            }
        }
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient http, URI contacts, int i,
                                                                AtomicInteger created) {
        String body = "{\"channel\":\"chat\",\"customer\":{\"id\":\"stop-" + i + "\"},\"skills\":{\"stop\":1}}";
        return http.sendAsync(HttpRequest.newBuilder(contacts)
                        .header("Authorization", "Bearer " + PackagedServer.GATEWAY_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    if (response != null && response.statusCode() == 201) {
                        created.incrementAndGet();
                    }
                });
    }
}
