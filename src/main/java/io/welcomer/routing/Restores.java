package io.welcomer.routing;

import io.welcomer.routing.Command.RestoreContact;
import java.time.Duration;

/**
 * Contacts the store held live, back in the router after a restart: waiting ones in their
 * arrival place (in their line, restored before them), connected and wrapping ones with their
 * agent for the reconnect grace. A line gone from the store leaves its contacts in the implicit line.
 */
final class Restores {

    private final Router router;

    Restores(Router router) {
        this.router = router;
    }

    void restore(RestoreContact restored) {
        String lineId = restored.request().line();
        RoutedContact contact = new RoutedContact(restored.request(), lineId == null ? null : router.lines.get(lineId),
                restored.seq(), restored.arrivedAt(), router.rules.priorityAging());
        contact.callback = restored.callback();
        // The legs before: a contact sent cold or requeued after its agent was lost keeps them while it waits.
        contact.touchedBefore = restored.touched();
        contact.relaxed = !restored.arrivedAt().plus(router.rules.relaxAfter()).isAfter(router.now());
        router.matching.scheduleRelax(contact);
        router.overflows.restored(contact);
        router.nextSeq = Math.max(router.nextSeq, restored.seq() + 1);
        router.contacts.put(contact.id(), contact);
        RoutedAgent agent = restored.agentId() == null ? null : router.roster.get(restored.agentId());
        switch (restored.state()) {
            case QUEUED -> router.queue.add(contact, router.now());
            case OFFERED -> {
                router.queue.add(contact, router.now());
                router.decide(new Decision.Requeued(contact.id(), contact.channel(), restored.agentId(),
                        contact.touchedBefore));
            }
            case CONNECTED, WRAPPING -> {
                contact.answered = true;
                if (agent == null) {
                    router.queue.add(contact, router.now());
                    // Its agent is gone: the leg it was in counts no further than the store says.
                    router.decide(new Decision.Requeued(contact.id(), contact.channel(), restored.agentId(),
                            contact.touchedBefore));
                } else {
                    contact.state = restored.state();
                    if (restored.state() == ContactState.WRAPPING) {
                        restoreWrapUp(contact, restored);
                    }
                    contact.agentId = agent.id();
                    contact.connectedAt = restored.connectedAt();
                    agent.hold(contact);
                    router.deadlines.add(Deadlines.Kind.RECONNECT_GRACE, agent.id(), agent.session,
                            router.now().plus(router.rules.reconnectGrace()));
                }
            }
            case COMPLETED, ABANDONED -> router.contacts.remove(contact.id());
        }
    }

    /**
     * Wrap-up goes on where it was: the touch time stored when the conversation ended stands, and
     * the channel's wrap-up limit counts from then. A store that does not say when (written before
     * it kept that) counts from the restart.
     */
    private void restoreWrapUp(RoutedContact contact, RestoreContact restored) {
        if (restored.wrappedAt() == null) {
            contact.touchTime = Duration.between(restored.connectedAt(), router.now());
            contact.endedAt = router.now();
            return;
        }
        contact.touchTime = restored.touched();
        contact.endedAt = restored.wrappedAt();
        router.rules.wrapUpLimit(contact.channel()).ifPresent(limit ->
                router.deadlines.add(Deadlines.Kind.WRAP_UP_LIMIT, contact.id(), 0, restored.wrappedAt().plus(limit)));
    }
}
