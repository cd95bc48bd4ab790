package io.welcomer.agents.ws;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.welcomer.config.WelcomerConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bounds the closing handshake of every WebSocket the server closes ({@code
 * welcomer.socket.closing-timeout}; by default the connection is dropped right after the close
 * frame, which the console still receives; Vert.x waits 10 s). A console closed with 1008 for
 * flooding may ignore the close and go on sending; until its connection is dropped, the event
 * loop it shares with other clients reads every frame.
 */
@ApplicationScoped
public class SocketClosing implements HttpServerOptionsCustomizer {

    private final int closingTimeoutSeconds;

    SocketClosing(WelcomerConfig config) {
        this.closingTimeoutSeconds = (int) config.socket().closingTimeout().toSeconds();
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setWebSocketClosingTimeout(closingTimeoutSeconds);
    }
}
