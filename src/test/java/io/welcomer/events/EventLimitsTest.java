package io.welcomer.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event streams are counted per gateway key and in all (the test profile allows 8 and 12):
 * past a limit a problem with Retry-After, and a closed stream frees its place.
 */
@QuarkusTest
class EventLimitsTest {

    @Test
    void oneGatewayKeyHoldsAtMostItsShareOfStreams() throws Exception {
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                open.add(new EventStream(Api.ADMIN_KEY, null));
                assertEquals(200, open.getLast().status());
            }
            HttpResponse<String> refused = get(Api.ADMIN_KEY);
            assertEquals(429, refused.statusCode());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());

            // Closing one frees its place, once the server has seen the close.
            open.removeFirst().close();
            assertTrue(eventually(() -> {
                EventStream again = new EventStream(Api.ADMIN_KEY, null);
                if (again.status() == 200) {
                    open.add(again);
                    return true;
                }
                again.close();
                return false;
            }), "a closed stream's place was never freed");
        } finally {
            open.forEach(EventStream::close);
        }
    }

    @Test
    void theServerHoldsAtMostItsStreamsInAll() throws Exception {
        List<EventStream> open = new ArrayList<>();
        try {
            int refusedAt = -1;
            for (int i = 0; i < 13 && refusedAt < 0; i++) {
                String key = i % 2 == 0 ? Api.GATEWAY_KEY : Api.OTHER_GATEWAY_KEY;
                EventStream stream = new EventStream(key, null);
                if (stream.status() == 200) {
                    open.add(stream);
                } else {
                    assertEquals(503, stream.status());
                    stream.close();
                    refusedAt = i;
                }
            }
            assertTrue(refusedAt >= 0 && refusedAt <= 12, "no 503 past 12 streams in all");
            assertEquals("5", get(Api.GATEWAY_KEY).headers().firstValue("Retry-After").orElseThrow());
        } finally {
            open.forEach(EventStream::close);
        }
    }

    private static HttpResponse<String> get(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + Api.port() + "/v1/events"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Attempt {
        boolean succeeded() throws Exception;
    }

    /** Retries for up to 5 s: the server learns of a closed stream asynchronously. */
    private static boolean eventually(Attempt attempt) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (attempt.succeeded()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
