package io.welcomer.agents.ws;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox of an agent's session: frames leave in the order queued, on the session's own context. */
class AgentLinksTest {

    private final Vertx vertx = Vertx.vertx();
    private final Context home = vertx.getOrCreateContext();
    private final SocketLimits limits = new SocketLimits(65536, 100, 2, Clock.systemUTC());
    private final AgentLinks links = new AgentLinks(new FrameCodec(new ObjectMapper()), limits);
    /** What the socket was asked to do, and whether it was on the session's own context. */
    private final List<String> socket = new CopyOnWriteArrayList<>();

    /** An offer's frame, as its history lookup builds it. */
    record Offer(String type, String contactId) {}

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void anOfferStillBeingBuiltLeavesBeforeTheFramesQueuedAfterItAndTheCloseWaitsForBoth() {
        WebSocketConnection connection = connection();
        limits.attach(connection);
        links.open("a1", connection, home);
        CompletableFuture<Object> history = new CompletableFuture<>();

        links.send("a1", () -> Uni.createFrom().completionStage(history));
        links.send("a1", new Frames.CustomerLeft("c1"));
        links.closeAfterFrames("a1", new CloseReason(1000, "signed out"));
        vertx.setTimer(50, later -> history.complete(new Offer("offer", "c1")));

        await().atMost(Duration.ofSeconds(5)).until(() -> socket.size() == 3);
        assertEquals(List.of(
                "home: {\"type\":\"offer\",\"contactId\":\"c1\"}",
                "home: {\"type\":\"customer-left\",\"contactId\":\"c1\"}",
                "home: close 1000"), socket);
        // Both frames counted as sent: the limit of two unsent frames is free again.
        assertTrue(limits.reserve(connection) && limits.reserve(connection));
    }

    /** A socket that records what it is asked to do; its writes complete at once. */
    private WebSocketConnection connection() {
        Map<UserData.TypedKey<?>, Object> data = new HashMap<>();
        UserData userData = (UserData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserData.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> data.get(args[0]);
                    case "put" -> data.put((UserData.TypedKey<?>) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "userData" -> userData;
                    case "sendText" -> record("" + args[0]);
                    case "close" -> record("close " + ((CloseReason) args[0]).getCode());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Uni<Void> record(String action) {
        socket.add((Vertx.currentContext() == home ? "home: " : "elsewhere: ") + action);
        return Uni.createFrom().voidItem();
    }
}
