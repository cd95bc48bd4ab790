package io.welcomer.simulation.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welcomer.insights.LineInterval;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Line;
import io.welcomer.simulation.rest.HistoryArrivals;
import io.welcomer.simulation.rest.StaffingBody.HistoryBody;
import io.welcomer.switchboard.LineDocuments;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A line's history for the {@code simulate} command, read from a running server as a supervisor
 * reads it ({@code GET /v1/lines/{id}} and {@code GET /v1/insights/lines}), so the command plans
 * from the same figures as {@code POST /v1/simulations/staffing}.
 */
final class ServerHistory {

    /** What a line's document holds; the rest of {@code GET /v1/lines/{id}} is how it stands now. */
    private static final List<String> CONFIGURATION = List.of("name", "channels", "skills", "language",
            "languageRequired", "hours", "serviceLevel", "overflow");

    private final URI server;
    private final String key;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServerHistory(URI server, String key, ObjectMapper json) {
        this.server = server;
        this.key = key;
        this.json = json;
    }

    HistoryArrivals arrivals(HistoryBody asked) throws IOException {
        Instant[] range = asked.range();
        HttpResponse<String> found = get("/v1/lines/" + asked.line());
        if (found.statusCode() == 404) {
            throw ProblemException.unprocessable("fromHistory.line", "is not a configured line");
        }
        ObjectNode document = (ObjectNode) json.readTree(ok(found));
        document.retain(CONFIGURATION);
        Line line = LineDocuments.read(asked.line(), json.writeValueAsString(document));
        JsonNode insights = json.readTree(ok(get("/v1/insights/lines?interval=1d&line=" + asked.line()
                + "&from=" + encode(range[0]) + "&to=" + encode(range[1]))));
        List<LineInterval> intervals = json.convertValue(insights.path("intervals"), new TypeReference<>() { });
        return HistoryArrivals.of(line, range[0], range[1], intervals);
    }

    private HttpResponse<String> get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted asking " + request.uri(), e);
        }
    }

    private static String ok(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String encode(Instant at) {
        return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    }
}
