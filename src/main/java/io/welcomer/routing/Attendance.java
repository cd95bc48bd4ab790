package io.welcomer.routing;

import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The attendance rules: agents joining and leaving the roster, signing in and out, ready or away
 * (now or after current), and the presence changes that each command ends by reporting.
 */
final class Attendance {

    private final Router router;
    private long sessionSerials;

    Attendance(Router router) {
        this.router = router;
    }

    void register(AgentProfile profile) {
        router.matching.fill(router.roster.register(profile));
    }

    void remove(RoutedAgent agent) {
        router.transfers.targetGone(agent);
        List<RoutedContact> held = List.copyOf(agent.active().values());
        agent.letGoAll();
        router.roster.remove(agent);
        if (agent.presence == Presence.AWAY && agent.reportedReason != null) {
            router.decide(new Decision.AwayEnded(agent.id(), agent.reportedReason,
                    Duration.between(agent.awaySince, router.now())));
        }
        if (agent.presence != Presence.OFFLINE) {
            router.decide(new Decision.PresenceChanged(agent.id(), Presence.OFFLINE, "removed"));
        }
        for (RoutedContact promise : List.copyOf(agent.promises)) {
            router.followUps.release(promise);
        }
        for (RoutedContact contact : held) {
            router.transfers.ownerGone(contact);
            if (contact.state == ContactState.OFFERED) {
                router.decide(new Decision.OfferRevoked(contact.id(), agent.id(), RevokeReason.AGENT_GONE));
                router.matching.requeue(contact, agent.id());
            } else {
                router.conversations.requeueOrEnd(contact, agent.id());
            }
        }
    }

    void connect(RoutedAgent agent) {
        agent.missedOffers = 0;
        newSession(agent, true);
    }

    /** Signed in or out: a new session, not ready, with nothing of the last one's away plans. */
    private void newSession(RoutedAgent agent, boolean connected) {
        agent.connected = connected;
        agent.ready = false;
        agent.awayReason = null;
        agent.awayAfterCurrent = false;
        agent.nextAway = null;
        agent.setBy = null;
        agent.session = ++sessionSerials;
        router.roster.refresh(agent);
        router.touch(agent);
    }

    void disconnect(RoutedAgent agent) {
        if (!agent.connected) {
            return;
        }
        endSession(agent);
    }

    /** A supervisor ends the agent's session, as if it had dropped; the presence it reports says by whom. */
    void signOut(RoutedAgent agent, String by) {
        if (!agent.connected) {
            router.refuse(Refusal.NOT_CONNECTED);
            return;
        }
        endSession(agent);
        agent.setBy = by;
    }

    /** Offers go back to the line at once; connected contacts wait for the reconnect grace. */
    private void endSession(RoutedAgent agent) {
        newSession(agent, false);
        router.transfers.targetGone(agent);
        for (RoutedContact offered : Router.heldIn(agent, ContactState.OFFERED)) {
            agent.letGo(offered.id());
            router.decide(new Decision.OfferRevoked(offered.id(), agent.id(), RevokeReason.AGENT_GONE));
            router.matching.requeue(offered, agent.id());
        }
        if (!agent.active().isEmpty()) {
            router.deadlines.add(Deadlines.Kind.RECONNECT_GRACE, agent.id(), agent.session,
                    router.now().plus(router.rules.reconnectGrace()));
        }
    }

    void makeAvailable(RoutedAgent agent) {
        if (!agent.connected) {
            router.refuse(Refusal.NOT_CONNECTED);
            return;
        }
        agent.ready = true;
        agent.awayReason = null;
        agent.awayAfterCurrent = false;
        agent.nextAway = null;
        agent.setBy = null;
        agent.missedOffers = 0;
        router.roster.refresh(agent);
        router.touch(agent);
        router.matching.fill(agent);
    }

    /**
     * Away now, or (after current, while the agent holds contacts) no new offers and away once they
     * end; {@code by} the supervisor who said so, or null when the agent said it.
     */
    void stepAway(RoutedAgent agent, String reason, boolean afterCurrent, String by) {
        if (!agent.connected) {
            router.refuse(Refusal.NOT_CONNECTED);
            return;
        }
        if (reason != null && !router.rules.awayReasons().contains(reason)) {
            router.refuse(Refusal.UNKNOWN_REASON);
            return;
        }
        if (afterCurrent && agent.ready && !agent.holdsNothing()) {
            agent.awayAfterCurrent = true;
            agent.nextAway = reason;
        } else {
            agent.ready = false;
            agent.awayReason = reason;
            agent.awayAfterCurrent = false;
            agent.nextAway = null;
        }
        agent.setBy = by;
        router.roster.refresh(agent);
        router.touch(agent);
    }

    /**
     * Reports each touched agent whose presence, reason or "next" changed, and the time spent away
     * for a reason that just ended. An agent away after current is away now if it holds nothing
     * any more; until then it is reported with {@code next: AWAY} and the reason it will be away for.
     */
    void reportChanges(Set<RoutedAgent> touched) {
        Instant now = router.now();
        for (RoutedAgent agent : touched) {
            if (!router.roster.contains(agent.id())) {
                continue;
            }
            if (agent.awayAfterCurrent && agent.holdsNothing()) {
                agent.ready = false;
                agent.awayReason = agent.nextAway;
                agent.awayAfterCurrent = false;
                agent.nextAway = null;
                router.roster.refresh(agent);
            }
            Presence before = agent.presence;
            String reasonBefore = agent.reportedReason;
            router.roster.updatePresence(agent, now);
            Presence next = agent.awayAfterCurrent ? Presence.AWAY : null;
            String reason = agent.presence == Presence.AWAY ? agent.awayReason : next != null ? agent.nextAway : null;
            String by = agent.presence == Presence.AWAY || agent.presence == Presence.OFFLINE || next != null
                    ? agent.setBy : null;
            if (before == agent.presence && Objects.equals(reasonBefore, reason) && agent.reportedNext == next
                    && Objects.equals(agent.reportedBy, by)) {
                continue;
            }
            boolean awayEnds = before == Presence.AWAY && (agent.presence != Presence.AWAY
                    || !Objects.equals(reasonBefore, reason));
            if (awayEnds && reasonBefore != null) {
                router.decide(new Decision.AwayEnded(agent.id(), reasonBefore, Duration.between(agent.awaySince, now)));
            }
            if (agent.presence == Presence.AWAY && (awayEnds || before != Presence.AWAY)) {
                agent.awaySince = now;
            }
            agent.reportedReason = reason;
            agent.reportedNext = next;
            agent.reportedBy = by;
            router.decide(new Decision.PresenceChanged(agent.id(), agent.presence, reason, next, by));
        }
    }
}
