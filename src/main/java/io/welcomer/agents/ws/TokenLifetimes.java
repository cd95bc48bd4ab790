package io.welcomer.agents.ws;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * A session lives no longer than the token that opened it: it is closed (1008) when the token
 * expires or the agent's tokens are revoked. The console then needs a new token to come back.
 */
@ApplicationScoped
public class TokenLifetimes {

    static final CloseReason EXPIRED = new CloseReason(1008, "token expired");
    static final CloseReason REVOKED = new CloseReason(1008, "token revoked");

    private static final UserData.TypedKey<String> AGENT = new UserData.TypedKey<>("welcomer.agent");
    private static final UserData.TypedKey<Long> EXPIRY = new UserData.TypedKey<>("welcomer.token-expiry-timer");

    private final Vertx vertx;
    private final OpenConnections connections;

    TokenLifetimes(Vertx vertx, OpenConnections connections) {
        this.vertx = vertx;
        this.connections = connections;
    }

    void opened(WebSocketConnection connection, String agentId, Instant tokenExpiresAt) {
        connection.userData().put(AGENT, agentId);
        if (tokenExpiresAt != null) {
            long delay = Math.max(1, Duration.between(Instant.now(), tokenExpiresAt).toMillis());
            connection.userData().put(EXPIRY, vertx.setTimer(delay, timer -> close(connection, EXPIRED)));
        }
    }

    void closed(WebSocketConnection connection) {
        Long timer = connection.userData().get(EXPIRY);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** Closes every open session of the agent: its tokens were revoked. */
    public void revoked(String agentId) {
        for (WebSocketConnection connection : connections) {
            if (agentId.equals(connection.userData().get(AGENT))) {
                close(connection, REVOKED);
            }
        }
    }

    private static void close(WebSocketConnection connection, CloseReason reason) {
        connection.close(reason).subscribe().with(ignored -> { }, failure -> { });
    }
}
