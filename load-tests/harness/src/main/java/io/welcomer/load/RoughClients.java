package io.welcomer.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rough clients: an agent console that floods the server with frames as fast as its socket takes
 * them, one that stops reading while the server has frames for it (each bad frame it sends earns
 * an error frame), and a gateway whose event stream stops being read while every contact of the
 * run produces events for it. The server is expected to cut each off; the close codes are kept.
 */
final class RoughClients {

    private static final String BAD_FRAME = "{\"type\":\"no-such-frame\"}";

    private final Vertx vertx;
    private final Http admin;
    private final int port;
    final AtomicLong floodFramesSent = new AtomicLong();
    final AtomicInteger flooderClosedWith = new AtomicInteger();
    final AtomicInteger deafClosedWith = new AtomicInteger();
    private WebSocket flooder;
    private WebSocket deaf;
    private volatile boolean running = true;

    RoughClients(Vertx vertx, Http admin, int port) {
        this.vertx = vertx;
        this.admin = admin;
        this.port = port;
    }

    Future<Void> start(String gatewayKey) {
        return deafStream(gatewayKey).compose(ignored -> connect("rough-flooder")).compose(socket -> {
            flooder = socket;
            socket.closeHandler(ignored -> flooderClosedWith.set(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
            flood();
            return connect("rough-deaf");
        }).map(socket -> {
            deaf = socket;
            socket.closeHandler(ignored -> deafClosedWith.set(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
            // Stops reading: whatever the server sends stays in its buffers or the kernel's.
            socket.pause();
            vertx.setPeriodic(40, id -> {
                if (!running || socket.isClosed()) {
                    vertx.cancelTimer(id);
                    return;
                }
                socket.writeTextMessage(BAD_FRAME);
            });
            return null;
        });
    }

    /** Opens the gateway's event stream and never reads it. */
    private Future<Void> deafStream(String gatewayKey) {
        return vertx.createHttpClient().request(new RequestOptions().setHost("127.0.0.1").setPort(port)
                        .setURI("/v1/events").putHeader("Authorization", "Bearer " + gatewayKey)
                        .putHeader("Accept", "text/event-stream"))
                .compose(request -> request.send())
                .map(response -> {
                    response.pause();
                    return null;
                });
    }

    void stop() {
        running = false;
        if (flooder != null && !flooder.isClosed()) {
            flooder.close();
        }
        if (deaf != null && !deaf.isClosed()) {
            deaf.close();
        }
    }

    /** As many frames as the socket's write queue takes, again as soon as it drains. */
    private void flood() {
        while (running && !flooder.isClosed() && !flooder.writeQueueFull()) {
            flooder.writeTextMessage(BAD_FRAME);
            floodFramesSent.incrementAndGet();
        }
        if (running && !flooder.isClosed()) {
            flooder.drainHandler(ignored -> flood());
        }
    }

    private Future<WebSocket> connect(String agentId) {
        JsonObject profile = new JsonObject().put("name", agentId).put("skills", new JsonObject().put("rough", 1));
        return admin.send(HttpMethod.PUT, "/v1/agents/" + agentId, profile, 201)
                .compose(created -> admin.send(HttpMethod.POST, "/v1/agents/" + agentId + "/tokens", null, 201))
                .compose(token -> vertx.createWebSocketClient(new WebSocketClientOptions())
                        .connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                                .setURI("/v1/ws/agent")
                                .addHeader("Authorization", "Bearer " + token.toJsonObject().getString("token"))));
    }
}
