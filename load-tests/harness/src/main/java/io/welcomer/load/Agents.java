package io.welcomer.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Welcomer agents as real WebSocket clients: each is created through the admin API, connects,
 * becomes available, accepts every offer after a think time and completes it after a touch time
 * drawn from an exponential distribution. Sockets are spread over several 127.0.0.x source
 * addresses so that many of them do not run out of ports.
 */
public final class Agents {

    private static final int SOCKETS_PER_SOURCE_ADDRESS = 10_000;

    private final Vertx vertx;
    private final Http admin;
    private final int port;
    private final long thinkMillis;
    private final double meanTouchMillis;
    private final SplittableRandom random = new SplittableRandom(1);
    private final List<WebSocketClient> clients = new ArrayList<>();
    /** Customer id of each contact sent, to its intended send time: offers are matched to it. */
    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    final Measure postToOffer = new Measure("POST to offer");
    /** From an agent becoming free (available, or completing) to its next offer: one pick. */
    final Measure freedToOffer = new Measure("freed to offer");
    private final Map<WebSocket, Long> freedAt = new ConcurrentHashMap<>();
    /** Completions the server confirmed with a {@code completed} frame, which it sends once they are stored. */
    final AtomicLong completed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    public Agents(Vertx vertx, Http admin, int port, long thinkMillis, double meanTouchMillis) {
        this.vertx = vertx;
        this.admin = admin;
        this.port = port;
        this.thinkMillis = thinkMillis;
        this.meanTouchMillis = meanTouchMillis;
    }

    /** Creates, connects and readies {@code count} agents with the skill, a few at a time. */
    public Future<Void> start(int count, String skill) {
        Future<Void> chain = Future.succeededFuture();
        for (int batch = 0; batch < count; batch += 50) {
            int from = batch;
            chain = chain.compose(ready -> {
                List<Future<Void>> started = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + 50); i++) {
                    started.add(startOne(i, skill));
                }
                return Future.all(started).mapEmpty();
            });
        }
        return chain;
    }

    private Future<Void> startOne(int number, String skill) {
        String agentId = "load-" + skill + "-" + number;
        JsonObject profile = new JsonObject().put("name", "Load " + number)
                .put("skills", new JsonObject().put(skill, 3)).put("capacity", new JsonObject().put("voice", 1));
        return admin.send(HttpMethod.PUT, "/v1/agents/" + agentId, profile, 201)
                .compose(created -> admin.send(HttpMethod.POST, "/v1/agents/" + agentId + "/tokens", null, 201))
                .compose(token -> client(number).connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                        .setPort(port).setURI("/v1/ws/agent")
                        .addHeader("Authorization", "Bearer " + token.toJsonObject().getString("token"))))
                .map(socket -> {
                    socket.textMessageHandler(text -> onFrame(socket, new JsonObject(text)));
                    freedAt.put(socket, System.nanoTime());
                    socket.writeTextMessage(new JsonObject().put("type", "available").encode());
                    return null;
                });
    }

    private WebSocketClient client(int number) {
        int source = number / SOCKETS_PER_SOURCE_ADDRESS;
        while (clients.size() <= source) {
            clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
                    .setLocalAddress("127.0.0." + (clients.size() + 2))));
        }
        return clients.get(source);
    }

    private void onFrame(WebSocket socket, JsonObject frame) {
        String contactId = frame.getString("contactId");
        switch (frame.getString("type")) {
            case "offer" -> {
                long now = System.nanoTime();
                Long sent = sentAt.remove(frame.getJsonObject("customer").getString("id"));
                if (sent != null) {
                    postToOffer.record(now - sent);
                }
                Long freed = freedAt.remove(socket);
                if (freed != null) {
                    freedToOffer.record(now - freed);
                }
                vertx.setTimer(Math.max(1, thinkMillis), t -> socket.writeTextMessage(
                        new JsonObject().put("type", "accept").put("contactId", contactId).encode()));
            }
            case "connected" -> {
                long touch = Math.max(1, (long) (-meanTouchMillis * Math.log(1 - random.nextDouble())));
                vertx.setTimer(touch, t -> {
                    freedAt.put(socket, System.nanoTime());
                    socket.writeTextMessage(new JsonObject().put("type", "complete").put("contactId", contactId)
                            .put("outcome", new JsonObject().put("resolved", true)).encode());
                });
            }
            case "completed" -> completed.incrementAndGet();
            case "error", "offer-revoked" -> errors.incrementAndGet();
            default -> { }
        }
    }
}
