package io.welcomer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real agent on the WebSocket, as a test drives it: every frame it receives, in order. */
public final class AgentClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private AgentClient(URI uri, String bearer) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        this.socket = builder.buildAsync(uri, new Listener()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Connects with the token in the Authorization header. */
    public static AgentClient connect(String token) {
        return new AgentClient(socketUri(""), token);
    }

    /** Connects to another server (a packaged one) with the token in the Authorization header. */
    public static AgentClient connect(URI socket, String token) {
        return new AgentClient(socket, token);
    }

    /** Connects as a browser would, with the token in the access_token query parameter. */
    public static AgentClient connectWithQueryToken(String token) {
        return new AgentClient(socketUri("?access_token=" + token), null);
    }

    /** Tries to connect and answers the failure (the upgrade was refused), or throws if it opened. */
    public static Throwable refusedUpgrade(String bearer) {
        try {
            new AgentClient(socketUri(""), bearer).close();
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    /** As {@link #refusedUpgrade}, with the token as a browser sends it, in the access_token query parameter. */
    public static Throwable refusedQueryUpgrade(String token) {
        try {
            connectWithQueryToken(token).close();
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    /** The HTTP status that refused an upgrade, from {@link #refusedUpgrade}. */
    public static int handshakeStatus(Throwable refusal) {
        if (refusal instanceof java.net.http.WebSocketHandshakeException handshake) {
            return handshake.getResponse().statusCode();
        }
        throw new AssertionError("not a refused upgrade: " + refusal, refusal);
    }

    public static URI socketUri(String query) {
        return URI.create("ws://localhost:" + Api.port() + "/v1/ws/agent" + query);
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public void send(Object frame) {
        try {
            send(JSON.writeValueAsString(frame));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The next frame, whatever its type; fails if none arrives within the bound. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame of this type, passing over presence frames and the answers to completes only. */
    public JsonNode next(String type) {
        while (true) {
            JsonNode frame = next();
            if (frame.path("type").asText().equals(type)) {
                return frame;
            }
            if (!frame.path("type").asText().equals("presence") && !frame.path("type").asText().equals("completed")) {
                throw new AssertionError("expected a " + type + " frame but got " + frame);
            }
        }
    }

    /** True if no frame arrives within the given time (for asserting that nothing is sent). */
    public boolean quietFor(Duration duration) throws InterruptedException {
        JsonNode frame = frames.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
        if (frame != null) {
            throw new AssertionError("unexpected frame " + frame);
        }
        return true;
    }

    /** Whether the server has closed the socket. */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** Waits until the server closes the socket; answers every frame received until then. */
    public List<JsonNode> framesUntilClosed() {
        awaitClosed();
        List<JsonNode> received = new ArrayList<>();
        frames.drainTo(received);
        return received;
    }

    /** Waits until the server closes the socket; answers the close code. */
    public int awaitClosed() {
        return awaitClosed(WAIT);
    }

    public int awaitClosed(Duration bound) {
        return closed.orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        // After the server closed the socket the client answers that close by itself, so its
        // output may close between a check and our own close: then there is nothing to do.
        if (closed.isDone() || socket.isOutputClosed()) {
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            // The connection itself is gone (the server was killed): nothing is left to close.
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    frames.add(JSON.createObjectNode().put("type", "unparseable").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
