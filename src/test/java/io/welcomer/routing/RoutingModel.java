package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.welcomer.routing.Command.AcceptOffer;
import io.welcomer.routing.Command.ArriveContact;
import io.welcomer.routing.Command.CancelTransfer;
import io.welcomer.routing.Command.CompleteContact;
import io.welcomer.routing.Command.ConnectAgent;
import io.welcomer.routing.Command.CustomerLeave;
import io.welcomer.routing.Command.DisconnectAgent;
import io.welcomer.routing.Command.EndContact;
import io.welcomer.routing.Command.MakeAvailable;
import io.welcomer.routing.Command.RejectOffer;
import io.welcomer.routing.Command.ScheduleFollowUp;
import io.welcomer.routing.Command.StepAway;
import io.welcomer.routing.Command.Tick;
import io.welcomer.routing.Command.TransferContact;
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

    enum Stage { WAITING, OFFERED, CONNECTED, WRAPPING }

    static final class Live {
        /** As handed over (or as a cold transfer redirected it), naming its line. */
        ContactRequest given;
        /** The configured line it is in; null for an implicit line. */
        String lineId;
        /** What it needs within its line: the line's skills and language added to its own. */
        ContactRequest request;
        final Instant arrivedAt;
        /** When its current requirements started to wait: arrival, or its cold transfer. */
        Instant relaxFrom;
        Stage stage = Stage.WAITING;
        String agentId;
        String revokedFrom;
        Instant offeredAt;
        Instant connectedAt;
        boolean customerGone;
        Duration touchedBefore = Duration.ZERO;
        Duration touchTime;
        Instant endedAt;
        int transfers;
        /** A warm transfer waiting for this agent's answer, since then. */
        String transferTo;
        Instant transferOfferedAt;
        /** A due follow-up, or a contact a supervisor moved, waiting for its own agent until then. */
        String reservedFor;
        Instant reservedUntil;
        /** Moved there by a supervisor: that agent may take it whatever it asks for. */
        boolean reservedByMove;
        /** Reached a human: its first answer counted for its line's service level. */
        boolean answered;
        /** The overflow steps of its line it has reached, as announced. */
        List<Line.OverflowStep> overflowed = new ArrayList<>();

        Live(ContactRequest given, String lineId, ContactRequest request, Instant arrivedAt) {
            this.given = given;
            this.lineId = lineId;
            this.request = request;
            this.arrivedAt = arrivedAt;
            this.relaxFrom = arrivedAt;
        }

        boolean relaxedAt(Instant now, Duration relaxAfter) {
            return !relaxFrom.plus(relaxAfter).isAfter(now);
        }

        /** Past the relax-after time any proficiency in the named skills may be offered. */
        Map<String, Integer> skillsRequiredAt(Instant now, Duration relaxAfter) {
            if (!relaxedAt(now, relaxAfter)) {
                return request.skills();
            }
            Map<String, Integer> anyLevel = new HashMap<>();
            request.skills().keySet().forEach(skill -> anyLevel.put(skill, 1));
            return anyLevel;
        }

        /** Past the relax-after time the language is asked for no more, unless the contact insists. */
        String languageRequiredAt(Instant now, Duration relaxAfter) {
            return relaxedAt(now, relaxAfter) && !request.languageRequired() ? null : request.primaryLanguage();
        }

        Duration touchTimeAt(Instant now) {
            return touchTime != null ? touchTime : touchedBefore.plus(Duration.between(connectedAt, now));
        }

        /** Waits in the shared line (a follow-up waiting for its own agent does not). */
        boolean inLine() {
            return stage == Stage.WAITING && reservedFor == null;
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
        boolean awayAfterCurrent;
        String nextReason;
        /** The supervisor who set the agent away or signed it out, while that holds. */
        String setBy;
        String reportedReason;
        Presence reportedNext;
        String reportedBy;
        Instant awaySince;

        Seat(AgentProfile profile) {
            this.profile = profile;
        }
    }

    final Map<String, Live> live = new LinkedHashMap<>();
    final Map<String, Seat> seats = new LinkedHashMap<>();
    final Set<String> ended = new HashSet<>();
    /** Follow-ups promised and not yet due. */
    final Map<String, FollowUp> promised = new LinkedHashMap<>();
    final LinesModel lines = new LinesModel();
    private final RoutingRules rules;

    RoutingModel(RoutingRules rules) {
        this.rules = rules;
    }

    void register(AgentProfile profile) {
        seats.put(profile.agentId(), new Seat(profile));
    }

    /** A contact handed over now, in the line it names if that is configured. */
    private Live arriving(ContactRequest given, Instant now) {
        LinesModel.Modelled line = given.line() == null ? null : lines.get(given.line());
        return new Live(given, line == null ? null : given.line(), LinesModel.needs(given, line), now);
    }

    /** Whether an overflow step the contact reached names skills this agent has (a line step: that line's as configured now). */
    boolean overflowedTo(Live contact, Seat seat) {
        return contact.overflowed.stream().anyMatch(step -> Eligibility.hasSkills(seat.profile,
                step.line() == null ? step.skills() : lines.get(step.line()).config.skills()));
    }

    /**
     * The line's steps, configured now, that the contact keeps when it is looked at again (back in
     * line, its line configured, open or closed, or opened): those it had reached, as far as its
     * open time still earns them. Steps it newly reaches are announced after this.
     */
    private void keepOverflowReached(Live contact, Instant now) {
        if (contact.lineId == null) {
            return;
        }
        LinesModel.Modelled line = lines.get(contact.lineId);
        Duration waited = line.openBetween(contact.relaxFrom, now);
        List<Line.OverflowStep> steps = line.config.overflow();
        int earned = (int) steps.stream().filter(step -> step.after().compareTo(waited) <= 0).count();
        contact.overflowed = new ArrayList<>(steps.subList(0, Math.min(earned, contact.overflowed.size())));
    }

    /** Whether the contact's line is open as last announced (an implicit line always is). */
    boolean lineOpen(Live contact) {
        return contact.lineId == null || lines.get(contact.lineId).open;
    }

    List<Live> held(String agentId) {
        return live.values().stream().filter(c -> agentId.equals(c.agentId) && c.stage != Stage.WAITING).toList();
    }

    List<Live> transfersTo(String agentId) {
        return live.values().stream().filter(c -> agentId.equals(c.transferTo)).toList();
    }

    /** Held contacts and warm transfers offered: each takes a slot. */
    List<Live> slots(String agentId) {
        List<Live> slots = new ArrayList<>(held(agentId));
        slots.addAll(transfersTo(agentId));
        return slots;
    }

    boolean takesOffers(Seat seat) {
        return seat.connected && seat.ready && !seat.awayAfterCurrent;
    }

    /** The model's own reading of capacity and exclusivity. */
    boolean hasRoom(String agentId, Channel channel) {
        List<Live> held = slots(agentId);
        if (held.stream().anyMatch(c -> c.request.channel().exclusive()) || (channel.exclusive() && !held.isEmpty())) {
            return false;
        }
        long same = held.stream().filter(c -> c.request.channel() == channel).count();
        return same < seats.get(agentId).profile.capacityFor(channel);
    }

    /** Applies a command and its decisions, failing on any decision the model does not allow. */
    void apply(Command command, List<Decision> decisions, Instant now) {
        Refusal expected = expectedRefusal(command, now);
        if (expected != null) {
            assertEquals(List.of(new Decision.Refused(expected)), decisions, "refusal expected");
            return;
        }
        switch (command) {
            case ConnectAgent c -> {
                Seat seat = seats.get(c.agentId());
                seat.connected = true;
                seat.ready = false;
                seat.awayAfterCurrent = false;
                seat.disconnectedAt = null;
                seat.missed = 0;
                seat.setBy = null;
            }
            case DisconnectAgent c -> disconnect(seats.get(c.agentId()), now, null);
            case Command.SignOut c -> disconnect(seats.get(c.agentId()), now, c.by());
            case MakeAvailable c -> {
                seats.get(c.agentId()).ready = true;
                seats.get(c.agentId()).awayAfterCurrent = false;
                seats.get(c.agentId()).letGo = null;
                seats.get(c.agentId()).missed = 0;
                seats.get(c.agentId()).setBy = null;
            }
            case Tick c -> live.values().stream()
                    .filter(contact -> contact.reservedFor != null && !contact.reservedUntil.isAfter(now))
                    .forEach(contact -> {
                        contact.reservedFor = null;
                        contact.reservedByMove = false;
                    });
            case StepAway c -> stepAway(seats.get(c.agentId()), c.reason(), c.afterCurrent(), null);
            case Command.SendAway c -> stepAway(seats.get(c.agentId()), c.reason(), c.afterCurrent(), c.by());
            default -> { }
        }
        for (Decision decision : decisions) {
            applyOne(command, decision, now);
        }
        for (Live contact : live.values()) {
            assertTrue(contact.revokedFrom == null, () -> "revoked but not requeued: " + contact.request.contactId());
        }
    }

    private void disconnect(Seat seat, Instant now, String by) {
        if (!seat.connected) {
            return;
        }
        seat.disconnectedAt = now;
        seat.connected = false;
        seat.ready = false;
        seat.awayAfterCurrent = false;
        seat.setBy = by;
    }

    private void stepAway(Seat seat, String reason, boolean afterCurrent, String by) {
        if (afterCurrent && seat.ready && !slots(seat.profile.agentId()).isEmpty()) {
            seat.awayAfterCurrent = true;
            seat.nextReason = reason;
        } else {
            seat.ready = false;
            seat.awayAfterCurrent = false;
        }
        seat.setBy = by;
    }

    /** Why a supervisor may not move this contact there, or null. */
    private Refusal moveRefusal(Command.MoveContact c) {
        Live contact = live.get(c.contactId());
        if (contact == null) {
            return Refusal.UNKNOWN_CONTACT;
        }
        if (contact.stage != Stage.WAITING && contact.stage != Stage.OFFERED) {
            return Refusal.NOT_WAITING;
        }
        Channel channel = contact.request.channel();
        return switch (c.to()) {
            case MoveTarget.ToAgent to -> {
                Seat target = seats.get(to.agentId());
                yield target == null ? Refusal.UNKNOWN_TARGET
                        : target.profile.capacityFor(channel) > 0 ? null : Refusal.TARGET_CANNOT_TAKE_CHANNEL;
            }
            case MoveTarget.ToLine to -> {
                LinesModel.Modelled line = lines.get(to.lineId());
                yield line == null ? Refusal.UNKNOWN_LINE
                        : line.config.channels().contains(channel) ? null : Refusal.CHANNEL_NOT_TAKEN;
            }
        };
    }

    private Refusal expectedRefusal(Command command, Instant now) {
        return switch (command) {
            case ArriveContact c -> live.containsKey(c.request().contactId()) ? Refusal.DUPLICATE_CONTACT
                    : lines.arrivalRefusal(c.request());
            case Command.ConfigureLine c -> lines.configureRefusal(c.line());
            case Command.RemoveLine c -> lines.removeRefusal(c.lineId(), live.values());
            case AcceptOffer c -> offerRefusal(c.agentId(), c.contactId());
            case RejectOffer c -> offerRefusal(c.agentId(), c.contactId());
            case CompleteContact c -> holdRefusal(c.agentId(), c.contactId());
            case EndContact c -> {
                Refusal refusal = holdRefusal(c.agentId(), c.contactId());
                yield refusal == null && live.get(c.contactId()).stage != Stage.CONNECTED
                        ? Refusal.NOT_YOUR_CONTACT : refusal;
            }
            case ScheduleFollowUp c -> {
                Refusal refusal = holdRefusal(c.agentId(), c.contactId());
                if (refusal == null && (!c.at().isAfter(now) || c.at().isAfter(now.plus(Duration.ofDays(30))))) {
                    refusal = Refusal.FOLLOW_UP_TIME;
                }
                yield refusal == null && (live.containsKey(c.followUpId()) || promised.containsKey(c.followUpId()))
                        ? Refusal.DUPLICATE_CONTACT : refusal;
            }
            case TransferContact c -> transferRefusal(c, now);
            case CancelTransfer c -> {
                Live contact = live.get(c.contactId());
                yield contact == null ? Refusal.UNKNOWN_CONTACT
                        : contact.stage != Stage.CONNECTED || !c.agentId().equals(contact.agentId)
                                ? Refusal.NOT_YOUR_CONTACT
                        : contact.transferTo == null ? Refusal.NO_TRANSFER : null;
            }
            case CustomerLeave c -> live.containsKey(c.contactId()) ? null : Refusal.UNKNOWN_CONTACT;
            case MakeAvailable c -> seats.get(c.agentId()).connected ? null : Refusal.NOT_CONNECTED;
            case StepAway c -> !seats.get(c.agentId()).connected ? Refusal.NOT_CONNECTED
                    : c.reason() != null && !rules.awayReasons().contains(c.reason()) ? Refusal.UNKNOWN_REASON : null;
            case Command.SendAway c -> !seats.get(c.agentId()).connected ? Refusal.NOT_CONNECTED
                    : c.reason() != null && !rules.awayReasons().contains(c.reason()) ? Refusal.UNKNOWN_REASON : null;
            case Command.SignOut c -> seats.get(c.agentId()).connected ? null : Refusal.NOT_CONNECTED;
            case Command.MoveContact c -> moveRefusal(c);
            case Command.ChangePriority c -> !live.containsKey(c.contactId()) ? Refusal.UNKNOWN_CONTACT
                    : live.get(c.contactId()).stage != Stage.WAITING ? Refusal.NOT_WAITING : null;
            default -> null;
        };
    }

    /** Why the agent may not end, complete or follow up this contact, or null. */
    private Refusal holdRefusal(String agentId, String contactId) {
        Live contact = live.get(contactId);
        if (contact == null) {
            return Refusal.UNKNOWN_CONTACT;
        }
        if ((contact.stage != Stage.CONNECTED && contact.stage != Stage.WRAPPING) || !agentId.equals(contact.agentId)) {
            return Refusal.NOT_YOUR_CONTACT;
        }
        return contact.transferTo != null ? Refusal.TRANSFER_PENDING : null;
    }

    private Refusal transferRefusal(TransferContact c, Instant now) {
        Live contact = live.get(c.contactId());
        if (contact == null) {
            return Refusal.UNKNOWN_CONTACT;
        }
        if (contact.stage != Stage.CONNECTED || !c.agentId().equals(contact.agentId)) {
            return Refusal.NOT_YOUR_CONTACT;
        }
        if (contact.transferTo != null) {
            return Refusal.TRANSFER_PENDING;
        }
        if (contact.customerGone) {
            return Refusal.CUSTOMER_GONE;
        }
        if (contact.transfers >= rules.maxTransfers()) {
            return Refusal.TRANSFER_LIMIT;
        }
        if (c.target() instanceof TransferTarget.ToAgent to) {
            Seat target = seats.get(to.agentId());
            if (target == null) {
                return Refusal.UNKNOWN_AGENT;
            }
            if (!target.connected) {
                return Refusal.TARGET_NOT_CONNECTED;
            }
            boolean eligible = !to.agentId().equals(c.agentId()) && takesOffers(target)
                    && hasRoom(to.agentId(), contact.request.channel())
                    && (Eligibility.hasSkills(target.profile, contact.skillsRequiredAt(now, rules.relaxAfter()))
                            || overflowedTo(contact, target))
                    && Eligibility.speaks(target.profile, contact.languageRequiredAt(now, rules.relaxAfter()));
            return eligible ? null : Refusal.TARGET_NOT_ELIGIBLE;
        }
        return null;
    }

    private Refusal offerRefusal(String agentId, String contactId) {
        Live contact = live.get(contactId);
        if (contact == null) {
            return Refusal.UNKNOWN_CONTACT;
        }
        if (agentId.equals(contact.transferTo)) {
            return null;
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
                Live contact = live.get(d.contactId());
                if (contact == null) {
                    assertTrue(command instanceof ArriveContact a && a.request().contactId().equals(d.contactId()),
                            "Queued only on its own arrival or when a follow-up falls due");
                    live.put(d.contactId(), arriving(((ArriveContact) command).request(), now));
                } else {
                    assertTrue(contact.reservedFor != null && contact.stage == Stage.WAITING
                            && contact.arrivedAt.equals(now), () -> "Queued twice: " + d);
                }
            }
            case Decision.Offered d -> {
                Live contact = live.get(d.contactId());
                if (contact == null) {
                    assertTrue(command instanceof ArriveContact a && a.request().contactId().equals(d.contactId()),
                            "offered a contact that is not live: " + d);
                    contact = arriving(((ArriveContact) command).request(), now);
                    live.put(d.contactId(), contact);
                }
                assertEquals(Stage.WAITING, contact.stage, () -> "offered while not waiting: " + d);
                assertTrue(lineOpen(contact), () -> "offered while its line is closed: " + d);
                Seat seat = seats.get(d.agentId());
                assertTrue(takesOffers(seat), () -> "offered to an agent not taking contacts: " + d);
                boolean moved = contact.reservedByMove && d.agentId().equals(contact.reservedFor);
                boolean overflowed = overflowedTo(contact, seat);
                assertTrue(moved || overflowed
                                || Eligibility.hasSkills(seat.profile, contact.skillsRequiredAt(now, rules.relaxAfter())),
                        () -> "offered to an unskilled agent: " + d);
                assertTrue(moved || Eligibility.speaks(seat.profile, contact.languageRequiredAt(now, rules.relaxAfter())),
                        () -> "offered to an agent who does not speak the customer's language: " + d);
                if (contact.reservedFor != null && contact.reservedUntil.isAfter(now)) {
                    assertEquals(contact.reservedFor, d.agentId(), () -> "reserved contact offered to another agent: " + d);
                }
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
                            || command instanceof Command.SignOut o && o.agentId().equals(d.agentId())
                            || command instanceof Command.RemoveAgent r && r.agentId().equals(d.agentId())
                            || command instanceof Tick && seats.get(d.agentId()).missed >= rules.maxMissedOffers();
                    case TIMEOUT -> command instanceof Tick && !contact.offeredAt.plus(rules.offerTimeout()).isAfter(now);
                    case MOVED -> command instanceof Command.MoveContact m && m.contactId().equals(d.contactId());
                };
                assertTrue(fits, () -> "revoke reason does not fit " + command + ": " + d);
                if (d.reason() == RevokeReason.TIMEOUT) {
                    seats.get(d.agentId()).missed++;
                }
                if (d.reason() == RevokeReason.REJECTED || d.reason() == RevokeReason.TIMEOUT) {
                    seats.get(d.agentId()).letGo = d.contactId();
                    if (contact.reservedByMove && d.agentId().equals(contact.reservedFor)) {
                        // The agent it was moved to let it go: the move is over.
                        contact.reservedFor = null;
                        contact.reservedByMove = false;
                    }
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
                    contact.touchedBefore = contact.touchTimeAt(now);
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
                keepOverflowReached(contact, now);
                contact.connectedAt = null;
            }
            case Decision.Connected d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new AcceptOffer(d.agentId(), d.contactId()), command);
                assertEquals(Duration.between(contact.arrivedAt, now), d.timeToHuman(), "time to human");
                contact.stage = Stage.CONNECTED;
                contact.connectedAt = now;
                contact.reservedFor = null;
                seats.get(d.agentId()).missed = 0;
            }
            case Decision.Answered d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(Stage.CONNECTED, contact.stage, () -> "answered while not connected: " + d);
                assertEquals(now, contact.connectedAt, () -> "answered but not connected now: " + d);
                assertFalse(contact.answered, () -> "answered twice: " + d);
                assertEquals(contact.lineId, d.line(), () -> "answered in another line: " + d);
                Line.ServiceLevel target = contact.lineId == null ? null : lines.get(contact.lineId).config.serviceLevel();
                assertEquals(target == null ? null : Duration.between(contact.arrivedAt, now).compareTo(target.within()) <= 0,
                        d.withinTarget(), () -> "within the line's target: " + d);
                contact.answered = true;
            }
            case Decision.Wrapping d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new EndContact(d.agentId(), d.contactId()), command);
                assertEquals(Stage.CONNECTED, contact.stage);
                assertEquals(contact.touchTimeAt(now), d.touchTime(), "touch time over the legs");
                contact.touchTime = d.touchTime();
                contact.endedAt = now;
                contact.stage = Stage.WRAPPING;
            }
            case Decision.Completed d -> {
                Live contact = existing(d.contactId(), d);
                boolean ownComplete = command instanceof CompleteContact c && c.contactId().equals(d.contactId())
                        && c.agentId().equals(d.agentId());
                boolean agentLost = command instanceof Tick && (contact.customerGone || contact.stage == Stage.WRAPPING)
                        && Router.AGENT_LOST.equals(d.outcome().code()) && !d.outcome().resolved();
                boolean wrapUpExpired = command instanceof Tick && contact.stage == Stage.WRAPPING
                        && Router.WRAP_UP_EXPIRED.equals(d.outcome().code())
                        && !contact.endedAt.plus(rules.wrapUpLimit(d.channel()).orElseThrow()).isAfter(now);
                assertTrue(ownComplete || agentLost || wrapUpExpired,
                        () -> "Completed only on its own complete, its wrap-up limit, or when the agent left: " + d);
                assertEquals(contact.agentId, d.agentId());
                assertEquals(contact.touchTimeAt(now), d.touchTime(), "touch time");
                assertEquals(contact.endedAt == null ? Duration.ZERO : Duration.between(contact.endedAt, now),
                        d.wrapUp(), "wrap-up time");
                live.remove(d.contactId());
                ended.add(d.contactId());
                seats.get(d.agentId()).letGo = null;
            }
            case Decision.TransferOffered d -> {
                Live contact = existing(d.contactId(), d);
                assertTrue(command instanceof TransferContact t && t.target() instanceof TransferTarget.ToAgent to
                        && to.agentId().equals(d.toAgentId()) && t.agentId().equals(d.fromAgentId()), "warm transfer");
                assertEquals(contact.agentId, d.fromAgentId());
                assertEquals(now.plus(rules.offerTimeout()), d.expiresAt(), "transfer offer expiry");
                contact.transferTo = d.toAgentId();
                contact.transferOfferedAt = now;
            }
            case Decision.TransferEnded d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(contact.transferTo, d.toAgentId());
                assertEquals(contact.agentId, d.fromAgentId());
                boolean fits = switch (d.status()) {
                    case REJECTED -> command.equals(new RejectOffer(d.toAgentId(), d.contactId()));
                    case TIMEOUT -> command instanceof Tick
                            && !contact.transferOfferedAt.plus(rules.offerTimeout()).isAfter(now);
                    case CANCELLED -> command.equals(new CancelTransfer(d.fromAgentId(), d.contactId()))
                            || command instanceof Tick && !seats.get(d.fromAgentId()).connected;
                    case TARGET_GONE -> command.equals(new DisconnectAgent(d.toAgentId()))
                            || command instanceof Command.SignOut o && o.agentId().equals(d.toAgentId());
                    case CUSTOMER_LEFT -> command.equals(new CustomerLeave(d.contactId()));
                };
                assertTrue(fits, () -> "transfer status does not fit " + command + ": " + d);
                contact.transferTo = null;
            }
            case Decision.Transferred d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(Stage.CONNECTED, contact.stage);
                assertEquals(contact.agentId, d.fromAgentId());
                contact.touchedBefore = contact.touchTimeAt(now);
                contact.transfers++;
                if (d.mode() == TransferMode.WARM) {
                    assertEquals(new AcceptOffer(d.toAgentId(), d.contactId()), command);
                    assertEquals(contact.transferTo, d.toAgentId());
                    contact.agentId = d.toAgentId();
                    contact.connectedAt = now;
                    contact.transferTo = null;
                    seats.get(d.toAgentId()).missed = 0;
                } else {
                    TransferContact t = (TransferContact) command;
                    TransferTarget.ToLine to = (TransferTarget.ToLine) t.target();
                    assertEquals(null, d.toAgentId());
                    contact.request = new ContactRequest(contact.request.contactId(), contact.request.channel(),
                            contact.request.customerId(), to.skills(), contact.request.priority(),
                            to.language() == null ? contact.request.language() : to.language(),
                            contact.request.languageRequired());
                    contact.given = contact.request;
                    contact.lineId = null;
                    contact.relaxFrom = now;
                    contact.overflowed.clear();
                    contact.stage = Stage.WAITING;
                    contact.agentId = null;
                    contact.connectedAt = null;
                    seats.get(d.fromAgentId()).letGo = d.contactId();
                }
            }
            case Decision.FollowUpScheduled d -> {
                ScheduleFollowUp s = (ScheduleFollowUp) command;
                Live from = existing(s.contactId(), d);
                assertEquals(new FollowUp(s.followUpId(), s.agentId(), s.contactId(),
                        new ContactRequest(s.followUpId(), from.given.channel(), from.given.customerId(),
                                from.given.skills(), from.given.priority(), from.given.language(),
                                from.given.languageRequired(), from.given.line()), s.at()), d.followUp());
                promised.put(s.followUpId(), d.followUp());
            }
            case Decision.FollowUpDue d -> {
                assertTrue(command instanceof Tick, "follow-ups fall due on a tick");
                FollowUp followUp = promised.remove(d.followUp().id());
                assertEquals(followUp, d.followUp());
                assertFalse(followUp.at().isAfter(now), "due early");
                Live contact = arriving(followUp.request(), now);
                contact.reservedFor = followUp.agentId();
                contact.reservedUntil = now.plus(rules.followUpGrace());
                live.put(followUp.id(), contact);
            }
            case Decision.Moved d -> {
                Live contact = existing(d.contactId(), d);
                Command.MoveContact m = (Command.MoveContact) command;
                assertEquals(m.contactId(), d.contactId());
                assertEquals(m.to(), d.to());
                assertEquals(m.by(), d.by());
                assertEquals(Stage.WAITING, contact.stage, () -> "moved while offered, without a revoke: " + d);
                assertEquals(contact.revokedFrom, d.fromAgentId(), () -> "moved from the wrong agent: " + d);
                contact.revokedFrom = null;
                switch (d.to()) {
                    case MoveTarget.ToAgent to -> {
                        contact.reservedFor = to.agentId();
                        contact.reservedByMove = true;
                        contact.reservedUntil = now.plus(rules.followUpGrace());
                    }
                    case MoveTarget.ToLine to -> {
                        // Its own skills are dropped for the line's; language, priority and arrival stay.
                        ContactRequest was = contact.given;
                        contact.given = new ContactRequest(was.contactId(), was.channel(), was.customerId(), Map.of(),
                                was.priority(), was.language(), was.languageRequired(), to.lineId());
                        contact.lineId = to.lineId();
                        contact.request = LinesModel.needs(contact.given, lines.get(to.lineId()));
                        // It relaxes and reaches the new line's overflow steps from the move on.
                        contact.relaxFrom = now;
                        contact.overflowed.clear();
                        contact.reservedFor = null;
                        contact.reservedByMove = false;
                    }
                }
            }
            case Decision.PriorityChanged d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new Command.ChangePriority(d.contactId(), d.priority(), d.by()), command);
                assertEquals(Stage.WAITING, contact.stage);
                contact.given = contact.given.withPriority(d.priority());
                contact.request = contact.request.withPriority(d.priority());
            }
            case Decision.LineConfigured d -> {
                assertEquals(new Command.ConfigureLine(d.line()), command, "a line is configured by its command");
                LinesModel.Modelled line = lines.configured(d, now);
                live.values().stream().filter(contact -> d.line().id().equals(contact.lineId))
                        .forEach(contact -> contact.request = LinesModel.needs(contact.given, line));
                // The configuration applies at once, open or closed: a waiting contact keeps only the
                // steps its open time (by the new hours) earns under it; one lost is reached again later.
                live.values().stream().filter(contact -> d.line().id().equals(contact.lineId)
                        && contact.stage == Stage.WAITING).forEach(contact -> keepOverflowReached(contact, now));
            }
            case Decision.Overflowed d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(Stage.WAITING, contact.stage, () -> "overflowed while not waiting: " + d);
                assertEquals(contact.lineId, d.fromLine(), () -> "overflowed from another line: " + d);
                LinesModel.Modelled line = lines.get(contact.lineId);
                assertEquals(contact.overflowed.size() + 1, d.step(), () -> "overflow steps in order, each once: " + d);
                Line.OverflowStep step = line.config.overflow().get(d.step() - 1);
                assertEquals(step.line(), d.toLine(), () -> "overflowed to the step's line: " + d);
                assertEquals(step.skills(), d.toSkills(), () -> "overflowed to the step's skills: " + d);
                assertTrue(line.openBetween(contact.relaxFrom, now).compareTo(step.after()) >= 0,
                        () -> "overflowed before waiting the step's open time: " + d);
                contact.overflowed.add(step);
            }
            case Decision.LineRemoved d -> {
                assertEquals(new Command.RemoveLine(d.lineId()), command, "a line is removed by its command");
                lines.removed(d.lineId());
            }
            case Decision.LineOpened d -> {
                lines.changed(command, d.lineId(), true, now);
                live.values().stream().filter(contact -> d.lineId().equals(contact.lineId)
                        && contact.stage == Stage.WAITING).forEach(contact -> keepOverflowReached(contact, now));
            }
            case Decision.LineClosed d -> lines.changed(command, d.lineId(), false, now);
            case Decision.AwayEnded d -> {
                Seat seat = seats.get(d.agentId());
                assertEquals(Presence.AWAY, seat.reported);
                assertEquals(seat.reportedReason, d.reason());
                assertEquals(Duration.between(seat.awaySince, now), d.away(), "time away");
            }
            case Decision.Abandoned d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new CustomerLeave(d.contactId()), command);
                assertEquals(Stage.WAITING, contact.stage);
                assertEquals(contact.lineId, d.line(), () -> "abandoned from another line: " + d);
                contact.revokedFrom = null;
                live.remove(d.contactId());
                ended.add(d.contactId());
            }
            case Decision.CallbackArranged d -> {
                Live contact = existing(d.contactId(), d);
                assertEquals(new Command.RequestCallback(d.contactId(), null), command);
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
                assertTrue(seat.reported != d.presence() || !java.util.Objects.equals(seat.reportedReason, d.reason())
                        || seat.reportedNext != d.next() || !java.util.Objects.equals(seat.reportedBy, d.by()),
                        () -> "presence reported without a change: " + d);
                if ("missed-offers".equals(d.reason()) && d.presence() == Presence.AWAY) {
                    assertTrue(command instanceof Tick, "missed-offers on Tick");
                    seat.ready = false;
                    seat.awayAfterCurrent = false;
                    seat.setBy = null;
                } else if (seat.awayAfterCurrent && d.presence() == Presence.AWAY) {
                    assertTrue(slots(d.agentId()).isEmpty(), () -> "away after current while holding contacts: " + d);
                    assertEquals(seat.nextReason, d.reason(), "the reason given with away after current");
                    seat.ready = false;
                    seat.awayAfterCurrent = false;
                }
                if (command instanceof StepAway s && s.agentId().equals(d.agentId())) {
                    assertEquals(s.reason(), d.reason(), "step-away reason");
                }
                if (command instanceof Command.SendAway s && s.agentId().equals(d.agentId())) {
                    assertEquals(s.reason(), d.reason(), "reason a supervisor gave");
                }
                boolean setBySupervisor = d.presence() == Presence.AWAY || d.presence() == Presence.OFFLINE
                        || d.next() != null;
                assertEquals(setBySupervisor ? seat.setBy : null, d.by(), "by");
                assertEquals(seat.awayAfterCurrent ? Presence.AWAY : null, d.next(), "next");
                if (d.presence() == Presence.AWAY
                        && (seat.reported != Presence.AWAY || !java.util.Objects.equals(seat.reportedReason, d.reason()))) {
                    seat.awaySince = now;
                }
                seat.reported = d.presence();
                seat.reportedReason = d.reason();
                seat.reportedNext = d.next();
                seat.reportedBy = d.by();
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
        return slots(agentId).isEmpty() ? Presence.AVAILABLE : Presence.BUSY;
    }

    /** Contacts in the shared line on this channel; a follow-up waiting for its own agent is not. */
    List<Live> waitingOn(Channel channel) {
        return new ArrayList<>(live.values().stream()
                .filter(c -> c.inLine() && c.request.channel() == channel).toList());
    }
}
