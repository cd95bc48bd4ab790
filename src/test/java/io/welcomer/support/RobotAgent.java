package io.welcomer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * An agent that works without a person: available on hello, accepts every offer, completes every
 * contact it is connected to. Records how its socket was closed, and who it was connected to.
 */
public final class RobotAgent implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The close code the server sent, or the failure if the socket broke. */
    public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    /** {@code connected} hears (contact id, agent id) for every {@code connected} frame. */
    public RobotAgent(int port, String token, String agentId, BiConsumer<String, String> connected) {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/v1/ws/agent");
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            react(webSocket, text.toString(), agentId, connected);
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closeCode.completeExceptionally(error);
                    }
                }).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void react(WebSocket socket, String text, String agentId, BiConsumer<String, String> connected) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String contactId = frame.path("contactId").asText();
        switch (frame.path("type").asText()) {
            case "hello" -> socket.sendText("{\"type\":\"available\"}", true);
            case "offer" -> socket.sendText("{\"type\":\"accept\",\"contactId\":\"" + contactId + "\"}", true);
            case "connected" -> {
                connected.accept(contactId, agentId);
                socket.sendText("{\"type\":\"complete\",\"contactId\":\"" + contactId
                        + "\",\"outcome\":{\"resolved\":true}}", true);
            }
            default -> { }
        }
    }

    /** Drops the socket without a closing handshake (the server died). */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
