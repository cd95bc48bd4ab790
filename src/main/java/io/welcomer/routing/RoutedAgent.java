package io.welcomer.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent as the router tracks it: profile, session, readiness and what it holds now. What it
 * holds changes only through {@link #hold} and {@link #letGo} (and their transfer twins), so the
 * roster always knows who holds nothing.
 */
final class RoutedAgent {

    private final Roster roster;
    AgentProfile profile;
    boolean connected;
    /** Said "available" in the current session. */
    boolean ready;
    Presence presence = Presence.OFFLINE;
    /** When the agent last became available with nothing active; null while it is not. */
    Instant idleSince;
    /** Offered, connected and wrapping contacts, each holding one unit of capacity. */
    private final Map<String, RoutedContact> active = new LinkedHashMap<>();
    private final Map<String, RoutedContact> activeView = Collections.unmodifiableMap(active);
    /** Contacts offered to this agent by a warm transfer; each holds a unit of capacity too. */
    private final Map<String, RoutedContact> transfersIn = new LinkedHashMap<>();
    private final Map<String, RoutedContact> transfersInView = Collections.unmodifiableMap(transfersIn);
    /** Due follow-ups this agent promised, waiting for it in arrival order until their grace ends. */
    final List<RoutedContact> promises = new ArrayList<>();
    int missedOffers;
    /** A router-wide serial, new on every connect and disconnect, so a stale grace deadline is recognised. */
    long session;
    /** Why the agent is away (null: no reason given). */
    String awayReason;
    /** Said "away after current": no new offers, and away for {@link #nextAway} once it holds nothing. */
    boolean awayAfterCurrent;
    String nextAway;
    /** The supervisor who set the agent away or signed it out (null: the agent itself, or routing). */
    String setBy;
    /** What was last reported, and since when the reported away reason holds. */
    String reportedReason;
    Presence reportedNext;
    String reportedBy;
    Instant awaySince;

    RoutedAgent(AgentProfile profile, Roster roster) {
        this.profile = profile;
        this.roster = roster;
    }

    /** Offered, connected and wrapping contacts, in the order they came. */
    Map<String, RoutedContact> active() {
        return activeView;
    }

    /** Contacts offered to this agent by a warm transfer. */
    Map<String, RoutedContact> transfersIn() {
        return transfersInView;
    }

    void hold(RoutedContact contact) {
        active.put(contact.id(), contact);
        roster.holdingChanged(this);
    }

    void letGo(String contactId) {
        active.remove(contactId);
        roster.holdingChanged(this);
    }

    void letGoAll() {
        active.clear();
        roster.holdingChanged(this);
    }

    void holdTransfer(RoutedContact contact) {
        transfersIn.put(contact.id(), contact);
        roster.holdingChanged(this);
    }

    void letGoTransfer(String contactId) {
        transfersIn.remove(contactId);
        roster.holdingChanged(this);
    }

    String id() {
        return profile.agentId();
    }

    /** Takes new offers: in a session, said available, and not about to step away. */
    boolean routable() {
        return connected && ready && !awayAfterCurrent;
    }

    boolean holdsNothing() {
        return active.isEmpty() && transfersIn.isEmpty();
    }

    /** Whether a contact on this channel may be offered now: readiness, capacity, exclusivity. */
    boolean canTake(Channel channel) {
        if (!routable()) {
            return false;
        }
        // Asked of every routable agent for every arrival: a voice or video contact needs an agent
        // who holds nothing, which is answered without looking at what it holds.
        if (channel.exclusive()) {
            return holdsNothing() && profile.capacityFor(channel) > 0;
        }
        int onChannel = countOn(channel, active);
        int inTransfer = countOn(channel, transfersIn);
        return onChannel >= 0 && inTransfer >= 0 && onChannel + inTransfer < profile.capacityFor(channel);
    }

    /** Contacts on this channel among these; -1 if one of them is on a channel that excludes others. */
    private static int countOn(Channel channel, Map<String, RoutedContact> held) {
        int count = 0;
        for (RoutedContact contact : held.values()) {
            if (contact.channel().exclusive()) {
                return -1;
            }
            if (contact.channel() == channel) {
                count++;
            }
        }
        return count;
    }

    Presence currentPresence() {
        if (!connected) {
            return Presence.OFFLINE;
        }
        if (!ready) {
            return Presence.AWAY;
        }
        return holdsNothing() ? Presence.AVAILABLE : Presence.BUSY;
    }
}
