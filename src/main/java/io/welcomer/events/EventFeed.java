package io.welcomer.events;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.problems.ProblemException;
import io.welcomer.store.ContactEvent;
import io.welcomer.switchboard.Committed;
import io.welcomer.switchboard.DecisionListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live events per gateway, fed after each commit. Every listener has a bounded buffer: one that
 * falls further behind is cut off (its stream fails) and resumes by Last-Event-ID, so a slow
 * client never slows routing. Listeners are counted per gateway key and in all, so neither one
 * gateway nor all of them can hold unbounded buffers.
 */
@ApplicationScoped
public class EventFeed implements DecisionListener {

    /** Events a listener may fall behind by before it is cut off. */
    static final int BUFFER = 1024;
    /** When a refused listener may try again: streams are long-lived, so not at once. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final Map<String, Set<UnicastProcessor<GatewayEvent>>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxPerGateway;
    private final int maxInAll;
    private volatile boolean stopping;

    EventFeed(WelcomerConfig config) {
        this.maxPerGateway = config.events().maxListenersPerGateway();
        this.maxInAll = config.events().maxListeners();
    }

    /**
     * Starts buffering this gateway's events now, before any replay, so nothing falls between.
     * Past a limit it throws a problem instead (429 for this gateway, 503 for the server).
     */
    UnicastProcessor<GatewayEvent> listen(String gatewayId) {
        if (stopping) {
            throw ProblemException.unavailable("the server is stopping; resume with Last-Event-ID", RETRY_AFTER_SECONDS);
        }
        if (open.incrementAndGet() > maxInAll) {
            open.decrementAndGet();
            throw ProblemException.unavailable("the server holds " + maxInAll + " event streams already;"
                    + " retry later", RETRY_AFTER_SECONDS);
        }
        AtomicReference<UnicastProcessor<GatewayEvent>> listener = new AtomicReference<>();
        listener.set(UnicastProcessor.create(new ArrayBlockingQueue<>(BUFFER), () -> stopped(gatewayId, listener.get())));
        boolean[] admitted = {false};
        listeners.compute(gatewayId, (id, ofGateway) -> {
            Set<UnicastProcessor<GatewayEvent>> set = ofGateway != null ? ofGateway : ConcurrentHashMap.newKeySet();
            if (set.size() < maxPerGateway) {
                set.add(listener.get());
                admitted[0] = true;
            }
            return set;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            throw ProblemException.tooManyRequests("this gateway key holds " + maxPerGateway + " event streams"
                    + " already; close one or retry later", RETRY_AFTER_SECONDS);
        }
        return listener.get();
    }

    /**
     * The server is stopping (first thing on SIGTERM): every stream ends, so the gateways resume
     * by Last-Event-ID from whichever server answers, and no stream holds up the shutdown.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        endStreams();
    }

    /** Routing moved to another process: streams end, gateways resume by Last-Event-ID from the new leader. */
    @Override
    public void steppedDown() {
        endStreams();
    }

    private void endStreams() {
        listeners.values().forEach(ofGateway -> List.copyOf(ofGateway).forEach(UnicastProcessor::onComplete));
    }

    private void stopped(String gatewayId, UnicastProcessor<GatewayEvent> listener) {
        Set<UnicastProcessor<GatewayEvent>> ofGateway = listeners.get(gatewayId);
        if (ofGateway != null && ofGateway.remove(listener)) {
            open.decrementAndGet();
        }
    }

    @Override
    public void committed(Committed committed) {
        committed.events().forEach(this::publish);
    }

    private void publish(ContactEvent event) {
        Set<UnicastProcessor<GatewayEvent>> ofGateway = listeners.get(event.gatewayId());
        if (ofGateway != null && !ofGateway.isEmpty()) {
            GatewayEvent published = GatewayEvent.of(event);
            ofGateway.forEach(listener -> listener.onNext(published));
        }
    }
}
