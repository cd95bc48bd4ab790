package io.welcomer.agents.ws;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** What waits in a session's outbox. */
    private sealed interface Queued {
        record Built(Object frame) implements Queued {}

        record Later(Supplier<Uni<?>> frame) implements Queued {}

        record Close(CloseReason reason) implements Queued {}
    }

    /**
     * The one thing both contexts touch: the routing context adds, the session's home context
     * takes in order. Whoever adds to an outbox that is not being drained starts the drain, so a
     * burst of frames costs one hop to the home context, not one per frame.
     */
    private static final class Outbox {
        private final ArrayDeque<Queued> queued = new ArrayDeque<>();
        private boolean draining;

        /** Answers whether the caller must start the drain. */
        synchronized boolean add(Queued next) {
            queued.add(next);
            if (draining) {
                return false;
            }
            draining = true;
            return true;
        }

        /** The next one to send; null when empty, and the drain has then stopped. */
        synchronized Queued take() {
            Queued next = queued.poll();
            draining = next != null;
            return next;
        }
    }

    private static final class Link {
        final String agentId;
        final WebSocketConnection connection;
        final Context home;
        final Outbox outbox = new Outbox();
        // On the home context only (the socket's event loop, where its writes complete too):
        // frames written and not yet sent, and the close that waits for them.
        int writing;
        CloseReason closing;

        Link(String agentId, WebSocketConnection connection, Context home) {
            this.agentId = agentId;
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
        Link previous = links.put(agentId, new Link(agentId, connection, home != null ? home : Vertx.currentContext()));
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
            queue(link, new Queued.Close(reason));
        }
    }

    /** Queues a frame already built. */
    public void send(String agentId, Object frame) {
        Link link = links.get(agentId);
        if (link != null && limits.reserve(link.connection)) {
            queue(link, new Queued.Built(frame));
        }
    }

    /** Queues a frame that is built asynchronously; frames leave in the order they were queued. */
    public void send(String agentId, Supplier<Uni<?>> frame) {
        Link link = links.get(agentId);
        if (link != null && limits.reserve(link.connection)) {
            queue(link, new Queued.Later(frame));
        }
    }

    private void queue(Link link, Queued next) {
        if (link.outbox.add(next)) {
            link.home.runOnContext(onHome -> drain(link));
        }
    }

    /** On the home context: sends what is queued, in order, pausing while a frame is being built. */
    private void drain(Link link) {
        for (Queued next = link.outbox.take(); next != null; next = link.outbox.take()) {
            switch (next) {
                case Queued.Built built -> write(link, built.frame());
                case Queued.Later later -> {
                    Uni.createFrom().deferred(later.frame()).subscribe().with(
                            built -> onHome(link, () -> write(link, built)),
                            failure -> onHome(link, () -> notSent(link, failure)));
                    return;
                }
                case Queued.Close close -> {
                    link.closing = close.reason();
                    closeIfSent(link);
                }
            }
        }
    }

    /** Continues the drain on the home context, where a lookup's answer usually arrives already. */
    private void onHome(Link link, Runnable step) {
        if (Vertx.currentContext() == link.home) {
            step.run();
            drain(link);
        } else {
            link.home.runOnContext(onHome -> {
                step.run();
                drain(link);
            });
        }
    }

    private void write(Link link, Object frame) {
        String text;
        try {
            text = codec.write(frame);
        } catch (RuntimeException failure) {
            notSent(link, failure);
            return;
        }
        link.writing++;
        link.connection.sendText(text).subscribe().with(ignored -> written(link), failure -> {
            LOG.debugf("frame to agent %s not delivered: %s", link.agentId, failure.toString());
            written(link);
        });
    }

    private void written(Link link) {
        link.writing--;
        limits.sent(link.connection);
        closeIfSent(link);
    }

    private void notSent(Link link, Throwable failure) {
        LOG.debugf("frame to agent %s not built: %s", link.agentId, failure.toString());
        limits.sent(link.connection);
    }

    private void closeIfSent(Link link) {
        if (link.closing != null && link.writing == 0) {
            link.connection.close(link.closing).subscribe().with(ignored -> { }, failure -> { });
            link.closing = null;
        }
    }
}
