package io.welcomer.switchboard;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.spi.VertxThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Event loop threads of the server's Vert.x that serve no HTTP connection: the routing loop and
 * the journal each get one. On a shared event loop their work waits behind whatever requests that
 * loop parses and answers, and every contact's commit waits with it.
 */
final class OwnThreads {

    private final VertxInternal vertx;
    private final List<EventLoopGroup> groups = new ArrayList<>();

    OwnThreads(Vertx vertx) {
        this.vertx = (VertxInternal) vertx;
    }

    /** A context of the server's Vert.x on a new event loop thread of this name. */
    Context context(String threadName) {
        ThreadFactory named = task -> VertxThreadFactory.INSTANCE.newVertxThread(task, threadName, false,
                vertx.maxEventLoopExecTime(), vertx.maxEventLoopExecTimeUnit());
        EventLoopGroup group = new NioEventLoopGroup(1, named);
        groups.add(group);
        return vertx.createEventLoopContext(group.next(), vertx.getOrCreateContext().workerPool(),
                Thread.currentThread().getContextClassLoader());
    }

    void close() {
        groups.forEach(group -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
    }
}
