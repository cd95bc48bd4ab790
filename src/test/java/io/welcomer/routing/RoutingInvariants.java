package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welcomer.routing.RoutingModel.Live;
import io.welcomer.routing.RoutingModel.Seat;
import io.welcomer.routing.RoutingModel.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What must hold after every command of the random run: the router reports what the model holds. */
final class RoutingInvariants {

    private final Router router;
    private final RoutingModel model;
    private final RoutingRules rules;
    private final VirtualClock clock;

    RoutingInvariants(Router router, RoutingModel model, RoutingRules rules, VirtualClock clock) {
        this.router = router;
        this.model = model;
        this.rules = rules;
        this.clock = clock;
    }

    /** After every command: the router agrees with the model; after a tick, nothing is overdue. */
    void check(boolean afterTick) {
        Instant now = clock.instant();
        Set<String> heldAnywhere = new HashSet<>();
        Map<Presence, Integer> presenceCounts = new EnumMap<>(Presence.class);
        for (Seat seat : model.seats.values()) {
            String id = seat.profile.agentId();
            List<Live> held = model.held(id);
            List<Live> slots = model.slots(id);
            Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
            slots.forEach(c -> perChannel.merge(c.request.channel(), 1, Integer::sum));
            perChannel.forEach((channel, n) -> assertTrue(n <= seat.profile.capacityFor(channel),
                    () -> id + " holds " + n + " on " + channel + " beyond its capacity"));
            if (slots.stream().anyMatch(c -> c.request.channel().exclusive())) {
                assertEquals(1, slots.size(), () -> id + " combines an exclusive channel with other contacts");
            }
            AgentView view = router.agent(id).orElseThrow();
            assertEquals(ids(held, Stage.OFFERED), Set.copyOf(view.offeredContactIds()), id + " offered");
            assertEquals(ids(held, Stage.CONNECTED), Set.copyOf(view.connectedContactIds()), id + " connected");
            assertEquals(ids(held, Stage.WRAPPING), Set.copyOf(view.wrappingContactIds()), id + " wrapping");
            assertEquals(Set.copyOf(model.transfersTo(id).stream().map(c -> c.request.contactId()).toList()),
                    Set.copyOf(view.transferOfferIds()), id + " transfers offered");
            assertEquals(model.promised.values().stream().filter(f -> f.agentId().equals(id)).toList(),
                    view.followUps(), id + " follow-ups");
            for (String contactId : held.stream().map(c -> c.request.contactId()).toList()) {
                assertTrue(heldAnywhere.add(contactId), contactId + " held by two agents");
            }
            assertTrue(!seat.awayAfterCurrent || !slots.isEmpty(), id + " away after current while holding nothing");
            assertEquals(model.expectedPresence(id), view.presence(), id + " presence");
            assertEquals(seat.reported, view.presence(), id + " presence as last reported");
            presenceCounts.merge(view.presence(), 1, Integer::sum);
            if (model.takesOffers(seat)) {
                checkNoHoldLoop(seat);
            }
        }
        QueueStats stats = router.stats();
        for (Presence presence : Presence.values()) {
            assertEquals(presenceCounts.getOrDefault(presence, 0), stats.agentsByPresence().get(presence),
                    "agents " + presence);
        }
        int waiting = 0;
        Instant oldest = null;
        for (Channel channel : Channel.values()) {
            List<Live> line = new ArrayList<>(model.waitingOn(channel));
            line.sort(Comparator.comparingInt((Live c) -> -c.request.priority())
                    .thenComparingLong(c -> router.arrived(c.request.contactId()).orElseThrow().seq()));
            Map<List<Object>, Integer> competingSoFar = new HashMap<>();
            for (int i = 0; i < line.size(); i++) {
                String contactId = line.get(i).request.contactId();
                List<Object> lineKey = java.util.Arrays.asList(line.get(i).lineId, line.get(i).request.skills().keySet(),
                        line.get(i).request.primaryLanguage());
                int place = competingSoFar.merge(lineKey, 1, Integer::sum);
                int position = router.waiting(contactId).orElseThrow().position();
                if (line.get(i).overflowed.isEmpty() || !model.lineOpen(line.get(i))) {
                    assertEquals(place, position, contactId + " position");
                } else {
                    // Overflowed: among everyone ahead for any agent it may go to, its own queue included.
                    int ahead = i;
                    assertTrue(position >= place && position <= ahead + 1, contactId + " position " + position
                            + " between its place in its queue, " + place + ", and its place on its channel, " + (ahead + 1));
                }
                assertTrue(!heldAnywhere.contains(contactId), contactId + " both waiting and held");
                oldest = oldest == null || line.get(i).arrivedAt.isBefore(oldest) ? line.get(i).arrivedAt : oldest;
            }
            assertEquals(line.size(), stats.waitingByChannel().get(channel), "waiting on " + channel);
            waiting += line.size();
        }
        assertEquals(waiting, stats.waiting(), "waiting");
        assertEquals(oldest, stats.oldestArrival(), "oldest arrival");
        checkLines(now, stats);
        for (Live contact : model.live.values()) {
            assertEquals(contact.stage == Stage.WAITING, router.waiting(contact.request.contactId()).isPresent(),
                    contact.request.contactId() + " waiting");
            if (afterTick && contact.stage == Stage.OFFERED) {
                assertTrue(contact.offeredAt.plus(rules.offerTimeout()).isAfter(now),
                        contact.request.contactId() + " offer outlived its expiry");
            }
            if (afterTick && contact.transferTo != null) {
                assertTrue(contact.transferOfferedAt.plus(rules.offerTimeout()).isAfter(now),
                        contact.request.contactId() + " transfer offer outlived its expiry");
            }
            if (afterTick && contact.stage == Stage.WRAPPING) {
                rules.wrapUpLimit(contact.request.channel()).ifPresent(limit -> assertTrue(
                        contact.endedAt.plus(limit).isAfter(now), contact.request.contactId() + " outlived its wrap-up limit"));
            }
            if (afterTick && contact.reservedFor != null) {
                assertTrue(contact.reservedUntil.isAfter(now), contact.request.contactId() + " reserved past its grace");
            }
            if (afterTick && (contact.stage == Stage.CONNECTED || contact.stage == Stage.WRAPPING)) {
                Seat seat = model.seats.get(contact.agentId);
                assertTrue(seat.connected || seat.disconnectedAt.plus(rules.reconnectGrace()).isAfter(now),
                        contact.request.contactId() + " outlived its agent's reconnect grace");
            }
        }
        if (afterTick) {
            model.promised.values().forEach(f -> assertTrue(f.at().isAfter(now), f.id() + " due but not offered"));
        }
        for (String contactId : model.ended) {
            assertTrue(router.arrived(contactId).isEmpty(), contactId + " ended but still live");
        }
    }

    /** Every configured line as the model has it: open or closed as its hours say, who waits in it. */
    private void checkLines(Instant now, QueueStats stats) {
        assertEquals(model.lines.ids(), Set.copyOf(router.configuredLines().stream().map(s -> s.line().id()).toList()),
                "configured lines");
        assertEquals(model.lines.ids(), stats.lines().keySet(), "lines in the figures");
        model.lines.all().forEach((id, line) -> {
            LineStatus status = router.line(id).orElseThrow();
            List<Live> waiting = model.live.values().stream().filter(c -> c.inLine() && id.equals(c.lineId)).toList();
            assertEquals(line.open, status.open(), id + " open");
            assertEquals(line.config, status.line(), id + " configuration");
            assertEquals(waiting.size(), status.waiting(), id + " waiting");
            assertEquals(new QueueStats.LineFigures(line.open, waiting.size(), status.agentsSignedIn(),
                    line.config.serviceLevel() == null ? null : line.config.serviceLevel().target()),
                    stats.lines().get(id), id + " figures");
            assertEquals(waiting.stream().map(c -> c.arrivedAt).min(Comparator.naturalOrder()).orElse(null),
                    status.oldestArrival(), id + " oldest arrival");
        });
        for (Live contact : model.live.values()) {
            if (contact.stage == Stage.WAITING && contact.reservedFor == null) {
                WaitingView view = router.waiting(contact.request.contactId()).orElseThrow();
                assertEquals(model.lineOpen(contact), view.open(), contact.request.contactId() + " told its line is open");
                assertTrue(view.open() || view.estimatedWaitSeconds() == null,
                        contact.request.contactId() + " given an estimate while its line is closed");
            }
        }
    }

    /**
     * A free slot and an eligible waiting contact never coexist, bar the contact the agent just
     * let go. Eligible on the contact's own minimums and language: relaxing widens it only when
     * time ticks; a follow-up waiting for its own agent is eligible for that agent alone.
     */
    private void checkNoHoldLoop(Seat seat) {
        String id = seat.profile.agentId();
        Map<Channel, Boolean> room = new EnumMap<>(Channel.class);
        for (Live contact : model.live.values()) {
            boolean movedHere = contact.reservedByMove && id.equals(contact.reservedFor);
            if (contact.stage == Stage.WAITING && model.lineOpen(contact) && (movedHere
                    || Eligibility.hasSkills(seat.profile, contact.request.skills()) && Eligibility.speaks(seat.profile, contact.request.primaryLanguage()))
                    && (contact.reservedFor == null || contact.reservedFor.equals(id))
                    && room.computeIfAbsent(contact.request.channel(), channel -> model.hasRoom(id, channel))) {
                assertEquals(seat.letGo, contact.request.contactId(),
                        () -> contact.request.contactId() + " waits while " + id + " could take it");
            }
        }
    }

    private static Set<String> ids(List<Live> held, Stage stage) {
        Set<String> ids = new HashSet<>();
        held.stream().filter(c -> c.stage == stage).forEach(c -> ids.add(c.request.contactId()));
        return ids;
    }
}
