package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.welcomer.routing.Command.AcceptOffer;
import io.welcomer.routing.Command.ArriveContact;
import io.welcomer.routing.Command.CompleteContact;
import io.welcomer.routing.Command.ConnectAgent;
import io.welcomer.routing.Command.CustomerLeave;
import io.welcomer.routing.Command.DisconnectAgent;
import io.welcomer.routing.Command.MakeAvailable;
import io.welcomer.routing.Command.RejectOffer;
import io.welcomer.routing.Command.StepAway;
import io.welcomer.routing.Command.Tick;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the router should hold, rebuilt only from the commands sent and the decisions returned.
 * Every decision is checked against the model as it is applied; {@link #checkAgainst} then
 * compares the model with what the router reports.
 */
final class RoutingModel {

    enum Stage { WAITING, OFFERED, CONNECTED }

    static final class Live {
        final ContactRequest request;
        final Instant arrivedAt;
        Stage stage = Stage.WAITING;
        String agentId;
        String revokedFrom;
        Instant offeredAt;
        Instant connectedAt;
        boolean customerGone;

        Live(ContactRequest request, Instant arrivedAt) {
            this.request = request;
            this.arrivedAt = arrivedAt;
        }

        /** Past the relax-after time any proficiency in the named skills may be offered. */
        Map<String, Integer> skillsRequiredAt(Instant now, Duration relaxAfter) {
            if (arrivedAt.plus(relaxAfter).isAfter(now)) {
                return request.skills();
            }
            Map<String, Integer> anyLevel = new HashMap<>();
            request.skills().keySet().forEach(skill -> anyLevel.put(skill, 1));
            return anyLevel;
        }
    }

    static final class Seat {
        final AgentProfile profile;
        boolean connected;
        boolean ready;
        Instant disconnectedAt;
        Presence reported = Presence.OFFLINE;
        /** The contact this agent last let go (rejected or timed out): the one it may be skipped for. */
        String letGo;
        /** Consecutive timed-out offers; at the maximum the agent is set away and loses its other offers. */
        int missed;

        Seat(AgentProfile profile) {
            this.profile = profile;
        }
    }

    final Map<String, Live> live = new LinkedHashMap<>();
    final Map<String, Seat> seats = new LinkedHashMap<>();
    final Set<String> ended = new HashSet<>();
    private final RoutingRules rules;

    RoutingModel(RoutingRules rules) {
        this.rules = rules;
    }

    void register(AgentProfile profile) {
        seats.put(profile.agentId(), new Seat(profile));
    }

    List<Live> held(String agentId) {
        return live.values().stream().filter(c -> agentId.equals(c.agentId) && c.stage != Stage.WAITING).toList();
    }

    /** The model's own reading of capacity and exclusivity. */
    boolean hasRoom(String agentId, Channel channel) {
        List<Live> held = held(agentId);
        if (held.stream().anyMatch(c -> c.request.channel().exclusive()) || (channel.exclusive() && !held.isEmpty())) {
            return false;
        }
        long same = held.stream().filter(c -> c.request.channel() == channel).count();
        return same < seats.get(agentId).profile.capacityFor(channel);
    }

    /** Applies a command and its decisions, failing on any decision the model does not allow. */
    void apply(Command command, List<Decision> decisions, Instant now) {
        Refusal expected = expectedRefusal(command);
        if (expected != null) {
            assertEquals(List.of(new Decision.Refused(expected)), decisions, "refusal expected");
            return;
        }
        switch (command) {
            case ConnectAgent c -> {
                Seat seat = seats.get(c.agentId());
                seat.connected = true;
                seat.ready = false;
                seat.disconnectedAt = null;
                seat.missed = 0;
            }
            case DisconnectAgent c -> {
                Seat seat = seats.get(c.agentId());
                if (seat.connected) {
                    seat.disconnectedAt = now;
                }
                seat.connected = false;
                seat.ready = false;
            }
            case MakeAvailable c -> {
                seats.get(c.agentId()).ready = true;
                seats.get(c.agentId()).letGo = null;
                seats.get(c.agentId()).missed = 0;
            }
            case StepAway c -> seats.get(c.agentId()).ready = false;
            default -> { }
        }
        for (Decision decision : decisions) {
            applyOne(command, decision, now);
        }
        for (Live contact : live.values()) {
            assertTrue(contact.revokedFrom == null, () -> "revoked but not requeued: " + contact.request.contactId());
        }
    }

    private Refusal expectedRefusal(Command command) {
        return switch (command) {
            case ArriveContact c -> live.containsKey(c.request().contactId()) ? Refusal.DUPLICATE_CONTACT : null;
            case AcceptOffer c -> offerRefusal(c.agentId(), c.contactId());
            case RejectOffer c -> offerRefusal(c.agentId(), c.contactId());
            case CompleteContact c -> {
                Live contact = live.get(c.contactId());
                if (contact == null) {
                    yield Refusal.UNKNOWN_CONTACT;
                }
                yield contact.stage == Stage.CONNECTED && c.agentId().equals(contact.agentId)
                        ? null : Refusal.NOT_YOUR_CONTACT;
            }
            case CustomerLeave c -> live.containsKey(c.contactId()) ? null : Refusal.UNKNOWN_CONTACT;
            case MakeAvailable c -> seats.get(c.agentId()).connected ? null : Refusal.NOT_CONNECTED;
            case StepAway c -> seats.get(c.agentId()).connected ? null : Refusal.NOT_CONNECTED;
            default -> null;
        };
    }

    private Refusal offerRefusal(String agentId, String contactId) {
        Live contact = live.get(contactId);
        if (contact == null) {
            return Refusal.UNKNOWN_CONTACT;
        }
        return contact.stage == Stage.OFFERED && agentId.equals(contact.agentId) ? null : Refusal.NOT_YOUR_OFFER;
    }

    private Live existing(String contactId, Decision decision) {
        Live contact = live.get(contactId);
        if (contact == null) {
            fail("decision about a contact that is not live: " + decision);
        }
        return contact;
    }

    private void applyOne(Command command, Decision decision, Instant now) {
        switch (decision) {
            case Decision.Queued d -> {
                assertTrue(command instanceof ArriveContact a && a.request().contactId().equals(d.contactId()),
                        "Queued only on its own arrival");
                live.put(d.contactId(), new Live(((ArriveContact) command).request(), now));
            }
            case Decision.Offered d -> {
                Live contact = live.get(d.contactId());
                if (contact == null) {
                    assertTrue(command instanceof ArriveContact a && a.request().contactId().equals(d.contactId()),
                            "offered a contact that is not live: " + d);
                    contact = new Live(((ArriveContact) command).request(), now);
                    live.put(d.contactId(), contact);
                }
                assertEquals(Stage.WAITING, contact.stage, () -> "offered while not waiting: " + d);
                Seat seat = seats.get(d.agentId());
                assertTrue(seat.connected && seat.ready, () -> "offered to an agent not taking contacts: " + d);
                assertTrue(seat.profile.meets(contact.skillsRequiredAt(now, rules.relaxAfter())),
                        () -> "offered to an unskilled agent: " + d);
                assertTrue(hasRoom(d.agentId(), d.channel()), () -> "offered beyond capacity: " + d);
                assertEquals(now.plus(rules.offerTimeout()), d.expiresAt(), "offer expiry");
                contact.stage = Stage.OFFERED;
                contact.agentId = d.agentId();
                contact.offeredAt = now;
            }
            case Decision.OfferRevoked d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(Stage.OFFERED, contact.stage, () -> "revoked a contact not offered: " + d);
                assertEquals(contact.agentId, d.agentId(), () -> "revoked from the wrong agent: " + d);
                boolean fits = switch (d.reason()) {
                    case REJECTED -> command.equals(new RejectOffer(d.agentId(), d.contactId()));
                    case ABANDONED -> command.equals(new CustomerLeave(d.contactId()));
                    case AGENT_GONE -> command.equals(new DisconnectAgent(d.agentId()))
                            || command instanceof Tick && seats.get(d.agentId()).missed >= rules.maxMissedOffers();
                    case TIMEOUT -> command instanceof Tick && !contact.offeredAt.plus(rules.offerTimeout()).isAfter(now);
                };
                assertTrue(fits, () -> "revoke reason does not fit " + command + ": " + d);
                if (d.reason() == RevokeReason.TIMEOUT) {
                    seats.get(d.agentId()).missed++;
                }
                if (d.reason() == RevokeReason.REJECTED || d.reason() == RevokeReason.TIMEOUT) {
                    seats.get(d.agentId()).letGo = d.contactId();
                } else if (d.reason() == RevokeReason.ABANDONED) {
                    seats.get(d.agentId()).letGo = null;
                }
                contact.stage = Stage.WAITING;
                contact.revokedFrom = contact.agentId;
                contact.agentId = null;
            }
            case Decision.Requeued d -> {
                Live contact = existing(d.contactId(), d);
                if (contact.stage == Stage.CONNECTED) {
                    Seat seat = seats.get(contact.agentId);
                    assertTrue(command instanceof Tick && !seat.connected
                            && !seat.disconnectedAt.plus(rules.reconnectGrace()).isAfter(now),
                            () -> "connected contact requeued before the grace ended: " + d);
                    assertFalse(contact.customerGone, () -> "requeued a contact whose customer left: " + d);
                    assertEquals(contact.agentId, d.previousAgentId());
                } else {
                    assertEquals(contact.revokedFrom, d.previousAgentId(), () -> "requeued without a revoke: " + d);
                }
                contact.stage = Stage.WAITING;
                contact.agentId = null;
                contact.revokedFrom = null;
                contact.connectedAt = null;
            }
            case Decision.Connected d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new AcceptOffer(d.agentId(), d.contactId()), command);
                assertEquals(Duration.between(contact.arrivedAt, now), d.timeToHuman(), "time to human");
                contact.stage = Stage.CONNECTED;
                contact.connectedAt = now;
                seats.get(d.agentId()).missed = 0;
            }
            case Decision.Completed d -> {
                Live contact = existing(d.contactId(), d);
                boolean ownComplete = command instanceof CompleteContact c && c.contactId().equals(d.contactId())
                        && c.agentId().equals(d.agentId());
                boolean bothLeft = command instanceof Tick && contact.customerGone
                        && Router.AGENT_LOST.equals(d.outcome().code()) && !d.outcome().resolved();
                assertTrue(ownComplete || bothLeft, () -> "Completed only on its own complete, or when customer and agent both left: " + d);
                assertEquals(Duration.between(contact.connectedAt, now), d.touchTime(), "touch time");
                live.remove(d.contactId());
                ended.add(d.contactId());
                seats.get(d.agentId()).letGo = null;
            }
            case Decision.Abandoned d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new CustomerLeave(d.contactId()), command);
                assertEquals(Stage.WAITING, contact.stage);
                contact.revokedFrom = null;
                live.remove(d.contactId());
                ended.add(d.contactId());
            }
            case Decision.CallbackArranged d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new Command.RequestCallback(d.contactId()), command);
                assertEquals(Stage.WAITING, contact.stage, () -> "callback for a contact not waiting: " + d);
            }
            case Decision.CustomerLeft d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(Stage.CONNECTED, contact.stage);
                assertEquals(contact.agentId, d.agentId());
                contact.customerGone = true;
            }
            case Decision.PresenceChanged d -> {
                Seat seat = seats.get(d.agentId());
                assertTrue(seat.reported != d.presence(), () -> "presence reported without a change: " + d);
                if ("missed-offers".equals(d.reason())) {
                    assertTrue(command instanceof Tick && d.presence() == Presence.AWAY, "missed-offers on Tick");
                    seat.ready = false;
                }
                if (command instanceof StepAway s && s.agentId().equals(d.agentId())) {
                    assertEquals(s.reason(), d.reason(), "step-away reason");
                }
                seat.reported = d.presence();
            }
            case Decision.Refused d -> fail("unexpected refusal of " + command + ": " + d);
        }
    }

    Presence expectedPresence(String agentId) {
        Seat seat = seats.get(agentId);
        if (!seat.connected) {
            return Presence.OFFLINE;
        }
        if (!seat.ready) {
            return Presence.AWAY;
        }
        return held(agentId).isEmpty() ? Presence.AVAILABLE : Presence.BUSY;
    }

    List<Live> waitingOn(Channel channel) {
        List<Live> waiting = new ArrayList<>(live.values().stream()
                .filter(c -> c.stage == Stage.WAITING && c.request.channel() == channel).toList());
        return waiting;
    }
}
