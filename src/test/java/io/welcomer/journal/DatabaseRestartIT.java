package io.welcomer.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.support.PackagedServer;
import io.welcomer.support.PrivatePostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted (fast shutdown, as an operator or a failover does) under a gateway posting
 * 200 contacts a second to a packaged server: every answer is a 201 for a stored contact or a 503
 * with Retry-After, never a 500; the server takes contacts again once the database is back. The
 * database is a private cluster, so the suite's own is never restarted.
 */
class DatabaseRestartIT {

    private static final int PER_SECOND = 200;
    private static final Duration RUN = Duration.ofSeconds(12);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPostgresRestartAt200ContactsASecondIsAnsweredOnlyWith201Or503AndRetryAfter() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start();
             PackagedServer server = new PackagedServer(postgres.address(), "welcomer_restart")) {
            server.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI contacts = URI.create("http://127.0.0.1:" + server.port() + "/v1/contacts");

            List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
            CompletableFuture<Void> restarted = null;
            long started = System.nanoTime();
            long gap = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
            for (int i = 0; System.nanoTime() - started < RUN.toNanos(); i++) {
                long due = started + i * gap;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                if (restarted == null && System.nanoTime() - started >= RESTART_AFTER.toNanos()) {
                    restarted = CompletableFuture.runAsync(() -> {
                        try {
                            postgres.restart();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                posts.add(http.sendAsync(HttpRequest.newBuilder(contacts)
                        .header("Authorization", "Bearer " + PackagedServer.GATEWAY_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"channel\":\"chat\",\"customer\":{\"id\":\"restart-" + i + "\"},\"skills\":{\"restart\":1}}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            restarted.get(1, TimeUnit.MINUTES);

            List<String> acknowledged = new ArrayList<>();
            List<String> otherwise = new ArrayList<>();
            int unavailable = 0;
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                HttpResponse<String> answer = post.get(1, TimeUnit.MINUTES);
                if (answer.statusCode() == 201) {
                    acknowledged.add(JSON.readTree(answer.body()).path("id").asText());
                } else if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent()) {
                    unavailable++;
                } else {
                    otherwise.add(answer.statusCode() + " " + answer.headers().firstValue("Retry-After").orElse("-")
                            + " " + answer.body());
                }
            }
            System.out.printf("database restart: %d posts at %d/s: %d acknowledged, %d answered 503 with Retry-After,"
                    + " %d otherwise%n", posts.size(), PER_SECOND, acknowledged.size(), unavailable, otherwise.size());
            assertEquals(List.of(), otherwise.stream().limit(5).toList(), otherwise.size() + " answers were neither"
                    + " 201 nor 503 with Retry-After");

            try (Connection db = server.database();
                 PreparedStatement stored = db.prepareStatement("select count(*) from contacts where id = any(?)")) {
                stored.setArray(1, db.createArrayOf("varchar", acknowledged.toArray()));
                try (ResultSet count = stored.executeQuery()) {
                    count.next();
                    assertEquals(acknowledged.size(), count.getInt(1), "an acknowledged contact is not stored");
                }
            }
            // Back to normal once the database is.
            long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!server.ready()) {
                assertTrue(System.nanoTime() < bound, "not ready again after the restart; log:\n" + server.tail());
                Thread.sleep(50);
            }
            server.gateway().body("{\"channel\":\"chat\",\"customer\":{\"id\":\"after\"},\"skills\":{\"restart\":1}}")
                    .post("/v1/contacts").then().statusCode(201);
        }
    }
}
