package io.welcomer.agents.ws;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.Connection;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport limits of an agent socket, whatever its frames say: size and rate of what the
 * console sends, and how much the server holds for a console that does not read. A frame past
 * a limit gets an {@code error} frame; a console that goes on is closed (1009 too big, 1008
 * policy), so it costs the server a counter, not a queue.
 */
@ApplicationScoped
public class SocketLimits {

    static final CloseReason TOO_BIG = new CloseReason(1009, "frames larger than the limit");
    static final CloseReason TOO_FAST = new CloseReason(1008, "frames faster than the limit");
    static final CloseReason NOT_READING = new CloseReason(1008, "the console does not read its frames");

    private static final UserData.TypedKey<Traffic> TRAFFIC = new UserData.TypedKey<>("welcomer.socket-traffic");

    /** One socket's counters; inbound ones touched only on its own event loop. */
    private static final class Traffic {
        long windowStart;
        int framesInWindow;
        boolean oversized;
        final AtomicInteger unsent = new AtomicInteger();
        final AtomicBoolean closing = new AtomicBoolean();
    }

    private final int maxFrameBytes;
    private final int framesPerSecond;
    private final int maxUnsentFrames;
    private final Clock clock;

    @Inject
    SocketLimits(WelcomerConfig config) {
        this(config.socket().maxFrameBytes(), config.socket().framesPerSecond(), config.socket().maxUnsentFrames(),
                Clock.systemUTC());
    }

    SocketLimits(int maxFrameBytes, int framesPerSecond, int maxUnsentFrames, Clock clock) {
        this.maxFrameBytes = maxFrameBytes;
        this.framesPerSecond = framesPerSecond;
        this.maxUnsentFrames = maxUnsentFrames;
        this.clock = clock;
    }

    /** What becomes of a frame from the console. */
    sealed interface Verdict {
        /** Within the limits: parse and handle it. */
        record Handle() implements Verdict {}

        /** Ignored, and the console is told why. */
        record Answer(Frames.Error error) implements Verdict {}

        /** Ignored without a word: it was already told, or the socket is closing. */
        record Drop() implements Verdict {}
    }

    private static final Verdict HANDLE = new Verdict.Handle();
    private static final Verdict DROP = new Verdict.Drop();

    /** Starts counting a new socket's traffic. */
    void attach(Connection connection) {
        connection.userData().put(TRAFFIC, new Traffic());
    }

    /** Counts a frame from the console against its limits. Called on the socket's event loop. */
    Verdict admit(Connection connection, String text) {
        Traffic traffic = traffic(connection);
        long second = clock.millis() / 1000;
        if (second != traffic.windowStart) {
            traffic.windowStart = second;
            traffic.framesInWindow = 0;
        }
        traffic.framesInWindow++;
        if (traffic.framesInWindow > 2 * framesPerSecond) {
            close(connection, traffic, TOO_FAST);
            return DROP;
        }
        if (traffic.framesInWindow > framesPerSecond) {
            return traffic.framesInWindow == framesPerSecond + 1
                    ? new Verdict.Answer(new Frames.Error("too-many-frames", "at most " + framesPerSecond
                            + " frames per second; this one and the rest of this second are ignored"))
                    : DROP;
        }
        // UTF-16 length is a lower bound of the UTF-8 size: only a long frame needs counting.
        if (text.length() > maxFrameBytes / 3 && utf8Length(text) > maxFrameBytes) {
            if (traffic.oversized) {
                close(connection, traffic, TOO_BIG);
                return DROP;
            }
            traffic.oversized = true;
            return new Verdict.Answer(new Frames.Error("frame-too-large", "a frame may be at most " + maxFrameBytes
                    + " bytes; this one was ignored, and the next one that large closes the session"));
        }
        return traffic.closing.get() ? DROP : HANDLE;
    }

    /** Sends a frame now, if the console is still reading (see {@link #reserve}). */
    Uni<Void> send(Connection connection, String text) {
        if (!reserve(connection)) {
            return Uni.createFrom().voidItem();
        }
        return connection.sendText(text).onTermination().invoke(() -> sent(connection));
    }

    /**
     * Counts a frame about to be queued for the console, unless it already has too many unsent
     * ones: then it is closed instead, since a console that stopped reading must not grow the
     * server's memory. Answers whether the frame may be queued; {@link #sent} when it has left.
     */
    boolean reserve(Connection connection) {
        Traffic traffic = traffic(connection);
        if (traffic.unsent.incrementAndGet() > maxUnsentFrames) {
            traffic.unsent.decrementAndGet();
            close(connection, traffic, NOT_READING);
            return false;
        }
        return true;
    }

    void sent(Connection connection) {
        traffic(connection).unsent.decrementAndGet();
    }

    private static void close(Connection connection, Traffic traffic, CloseReason reason) {
        if (traffic.closing.compareAndSet(false, true)) {
            connection.close(reason).subscribe().with(ignored -> { }, failure -> { });
        }
    }

    private static Traffic traffic(Connection connection) {
        Traffic traffic = connection.userData().get(TRAFFIC);
        if (traffic == null) {
            throw new IllegalStateException("socket traffic is counted from the socket's opening");
        }
        return traffic;
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
