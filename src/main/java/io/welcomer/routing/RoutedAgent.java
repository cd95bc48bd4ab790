package io.welcomer.routing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An agent as the router tracks it: profile, session, readiness and what it holds now. */
final class RoutedAgent {

    AgentProfile profile;
    boolean connected;
    /** Said "available" in the current session. */
    boolean ready;
    Presence presence = Presence.OFFLINE;
    /** When the agent last became available with nothing active; null while it is not. */
    Instant idleSince;
    /** Offered and connected contacts, each holding one unit of capacity. */
    final Map<String, RoutedContact> active = new LinkedHashMap<>();
    int missedOffers;
    /** A router-wide serial, new on every connect and disconnect, so a stale grace deadline is recognised. */
    long session;

    RoutedAgent(AgentProfile profile) {
        this.profile = profile;
    }

    String id() {
        return profile.agentId();
    }

    boolean routable() {
        return connected && ready;
    }

    /** Whether a contact on this channel may be offered now: readiness, capacity, exclusivity. */
    boolean canTake(Channel channel) {
        if (!routable()) {
            return false;
        }
        int onChannel = 0;
        for (RoutedContact contact : active.values()) {
            if (contact.channel().exclusive() || channel.exclusive()) {
                return false;
            }
            if (contact.channel() == channel) {
                onChannel++;
            }
        }
        return onChannel < profile.capacityFor(channel);
    }

    Presence currentPresence() {
        if (!connected) {
            return Presence.OFFLINE;
        }
        if (!ready) {
            return Presence.AWAY;
        }
        return active.isEmpty() ? Presence.AVAILABLE : Presence.BUSY;
    }
}
