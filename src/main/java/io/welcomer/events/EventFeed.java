package io.welcomer.events;

import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.welcomer.contacts.persistence.ContactEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live events per gateway, fed after each commit. Every listener has a bounded buffer: one that
 * falls further behind is cut off (its stream fails) and resumes by Last-Event-ID, so a slow
 * client never slows routing.
 */
@ApplicationScoped
public class EventFeed {

    /** Events a listener may fall behind by before it is cut off. */
    static final int BUFFER = 1024;

    private final Map<String, Set<UnicastProcessor<GatewayEvent>>> listeners = new ConcurrentHashMap<>();

    /** Starts buffering this gateway's events now, before any replay, so nothing falls between. */
    UnicastProcessor<GatewayEvent> listen(String gatewayId) {
        Set<UnicastProcessor<GatewayEvent>> ofGateway = listeners.computeIfAbsent(gatewayId,
                id -> ConcurrentHashMap.newKeySet());
        AtomicReference<UnicastProcessor<GatewayEvent>> listener = new AtomicReference<>();
        listener.set(UnicastProcessor.create(new ArrayBlockingQueue<>(BUFFER), () -> ofGateway.remove(listener.get())));
        ofGateway.add(listener.get());
        return listener.get();
    }

    /** Called on the routing context, in commit order. */
    public void publish(ContactEventEntity event) {
        Set<UnicastProcessor<GatewayEvent>> ofGateway = listeners.get(event.gatewayId);
        if (ofGateway != null && !ofGateway.isEmpty()) {
            GatewayEvent published = GatewayEvent.of(event);
            ofGateway.forEach(listener -> listener.onNext(published));
        }
    }
}
