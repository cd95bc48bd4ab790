package io.welcomer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A gateway that really posts at once: asynchronous requests, no thread per request, so a
 * burst reaches the server as a burst.
 */
public final class Gateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One answer: status, Retry-After (or null) and body. */
    public record Answer(int status, String retryAfter, JsonNode body) {
        public String id() {
            return body.path("id").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public CompletableFuture<Answer> post(Map<String, ?> contact) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + Api.port() + "/v1/contacts"))
                .header("Authorization", "Bearer " + Api.GATEWAY_KEY)
                .header("Content-Type", "application/json")
                .timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(json(contact)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> new Answer(
                response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), parse(response.body())));
    }

    /** Waits for all, within the bound. */
    public static List<Answer> all(List<CompletableFuture<Answer>> answers) {
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
