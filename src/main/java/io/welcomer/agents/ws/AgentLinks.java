package io.welcomer.agents.ws;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The open session of each agent, and an ordered outbox per session: a frame that needs a
 * lookup first (an offer with history) still reaches the agent before the frames after it.
 * Touched only on the routing context; each frame is built (history looked up, JSON written)
 * and sent on its session's own event loop, so the routing loop only hands it over.
 */
@ApplicationScoped
public class AgentLinks {

    private static final Logger LOG = Logger.getLogger(AgentLinks.class);

    private final FrameCodec codec;
    private final SocketLimits limits;
    private final Map<String, Link> links = new HashMap<>();

    private static final class Link {
        final WebSocketConnection connection;
        final Context home;
        CompletionStage<Void> outbox = CompletableFuture.completedFuture(null);

        Link(WebSocketConnection connection, Context home) {
            this.connection = connection;
            this.home = home;
        }
    }

    AgentLinks(FrameCodec codec, SocketLimits limits) {
        this.codec = codec;
        this.limits = limits;
    }

    /**
     * Makes this the agent's session and returns the one it replaces, if any. {@code home} is the
     * context the session's own callbacks run on.
     */
    public WebSocketConnection open(String agentId, WebSocketConnection connection, Context home) {
        Link previous = links.put(agentId, new Link(connection, home != null ? home : Vertx.currentContext()));
        return previous == null ? null : previous.connection;
    }

    /** Forgets the session if it is still the agent's current one; says whether it was. */
    public boolean close(String agentId, WebSocketConnection connection) {
        Link link = links.get(agentId);
        if (link == null || link.connection != connection) {
            return false;
        }
        links.remove(agentId);
        return true;
    }

    /** The agent's open session; null if none. */
    public WebSocketConnection connection(String agentId) {
        Link link = links.get(agentId);
        return link == null ? null : link.connection;
    }

    /** The agents with an open session. */
    public List<String> agentIds() {
        return List.copyOf(links.keySet());
    }

    /** Closes and forgets the agent's session (the agent was deleted). */
    public void drop(String agentId) {
        Link link = links.remove(agentId);
        if (link != null) {
            link.connection.close().subscribe().with(ignored -> { }, failure -> { });
        }
    }

    /**
     * Forgets the agent's session now (its close then signs nobody out again) and closes it with
     * this reason once the frames queued for it are sent.
     */
    public void closeAfterFrames(String agentId, CloseReason reason) {
        Link link = links.remove(agentId);
        if (link != null) {
            link.outbox = link.outbox.thenRun(() -> link.home.runOnContext(onHome -> link.connection.close(reason)
                    .subscribe().with(ignored -> { }, failure -> { })));
        }
    }

    public void send(String agentId, Object frame) {
        send(agentId, () -> Uni.createFrom().item(frame));
    }

    /** Queues a frame that is built asynchronously; frames leave in the order they were queued. */
    public void send(String agentId, Supplier<Uni<?>> frame) {
        Link link = links.get(agentId);
        if (link == null || !limits.reserve(link.connection)) {
            return;
        }
        link.outbox = link.outbox.thenCompose(ignored -> Uni.createFrom().<Void>emitter(emitter ->
                        link.home.runOnContext(onHome -> frame.get()
                                .chain(built -> link.connection.sendText(codec.write(built)))
                                .onTermination().invoke(() -> limits.sent(link.connection))
                                .subscribe().with(emitter::complete, emitter::fail)))
                        .subscribeAsCompletionStage())
                .exceptionally(failure -> {
                    LOG.debugf("frame to agent %s not delivered: %s", agentId, failure.toString());
                    return null;
                });
    }
}
