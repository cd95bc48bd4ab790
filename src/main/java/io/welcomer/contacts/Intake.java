package io.welcomer.contacts;

import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.contacts.persistence.ContactStore;
import io.welcomer.insights.RepeatWatch;
import io.welcomer.ops.RoutingMetrics;
import io.welcomer.problems.LineFull;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactRequest;
import io.welcomer.routing.Decision;
import io.welcomer.routing.WaitingView;
import io.welcomer.store.Contact;
import io.welcomer.switchboard.Board;
import io.welcomer.switchboard.Committed;
import io.welcomer.switchboard.ContactRequests;
import io.welcomer.switchboard.DecisionListener;
import io.welcomer.switchboard.Decisions;
import io.welcomer.switchboard.Restoration;
import io.welcomer.switchboard.RoutingLoop;
import io.welcomer.switchboard.RoutingRefused;
import io.welcomer.switchboard.SqlStates;
import io.welcomer.switchboard.StoreRefused;
import io.welcomer.switchboard.StoreUnavailable;
import io.welcomer.switchboard.Write;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Contacts from gateways into routing: idempotency (one place for the live key and the stored
 * one), repeats, callbacks and leaving. Its maps are touched only on the routing context.
 */
@ApplicationScoped
public class Intake implements DecisionListener {

    /** A contact's standing as a gateway sees it right after a command; {@code waiting} null unless it waits. */
    public record Standing(Contact contact, WaitingView waiting) {}

    /** The answer to an intake: the contact's standing and whether this request created it. */
    public record Admission(Standing standing, boolean created) {}

    private static final Logger LOG = Logger.getLogger(Intake.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final RoutingLoop loop;
    private final ContactStore contacts;
    private final RoutingMetrics metrics;
    private final RepeatWatch repeats;
    private final Map<String, String> liveByIdempotencyKey = new HashMap<>();
    private final int maxWaiting;
    private final Duration idempotencyWindow;

    Intake(RoutingLoop loop, ContactStore contacts, RoutingMetrics metrics, WelcomerConfig config) {
        this.maxWaiting = config.maxWaiting();
        this.idempotencyWindow = config.idempotencyWindow();
        this.loop = loop;
        this.contacts = contacts;
        this.metrics = metrics;
        this.repeats = new RepeatWatch(config.repeatWindow());
    }

    /**
     * Routes a new contact needing these skills (as given, not read back from the contact's
     * stored text), or answers the contact this gateway's idempotency key already made.
     */
    public Uni<Admission> admit(Contact contact, Map<String, Integer> skills) {
        ContactRequest request = ContactRequests.of(contact, skills);
        if (contact.arrival().idempotencyKey() == null) {
            return loop.onLoop(board -> route(board, contact, request));
        }
        return storedByKey(contact).chain(stored -> stored.isPresent()
                ? known(stored.get())
                : loop.onLoop(board -> admitOnLoop(board, contact, request))
                        // Two requests raced past the lookup: the unique key kept one contact.
                        .onFailure(StoreRefused.class).recoverWithUni(failure -> SqlStates.isUniqueViolation(failure)
                                ? storedByKey(contact).chain(raced -> known(raced.orElseThrow()))
                                : Uni.createFrom().failure(failure))
                        // The first request with this key was in flight: answer what it stored.
                        .chain(admission -> admission != null ? Uni.createFrom().item(admission)
                                : storedByKey(contact).chain(first -> first.isPresent() ? known(first.get())
                                        : Uni.createFrom().failure(new StoreUnavailable(
                                                "the first request with this Idempotency-Key was not stored; retry",
                                                RETRY_AFTER, null)))));
    }

    /** The live standing when the router holds the contact, else the stored row. */
    public Uni<Standing> standingOf(Contact stored) {
        return standing(stored.id()).map(live -> live.orElseGet(() -> new Standing(stored, null)));
    }

    /** Where a live contact stands now; empty if it is not live. */
    public Uni<Optional<Standing>> standing(String contactId) {
        return loop.onLoop(board -> {
            Contact contact = board.contact(contactId);
            return Uni.createFrom().item(Optional.ofNullable(contact == null ? null : standingOnLoop(board, contact)));
        });
    }

    /**
     * The waiting customer hangs up to be called back on this number, keeping their place.
     * Answers the standing, or fails with the refusal; empty if the contact is not live.
     */
    public Uni<Optional<Standing>> arrangeCallback(String contactId, String number) {
        return loop.onLoop(board -> {
            Contact contact = board.contact(contactId);
            if (contact == null) {
                return Uni.createFrom().item(Optional.<Standing>empty());
            }
            Command command = new Command.RequestCallback(contactId, number);
            List<Decision> decisions = board.decide(command);
            for (Decision decision : decisions) {
                if (decision instanceof Decision.Refused refused) {
                    return Uni.createFrom().failure(new RoutingRefused(refused.refusal()));
                }
            }
            Uni<?> stored = board.settle(command, decisions, null, List.of());
            Standing standing = standingOnLoop(board, board.contact(contactId));
            return stored.map(ignored -> Optional.of(standing));
        });
    }

    /** The customer left; empty if the contact is not live. */
    public Uni<Optional<Standing>> customerLeft(String contactId) {
        return loop.onLoop(board -> {
            Contact contact = board.contact(contactId);
            if (contact == null) {
                return Uni.createFrom().item(Optional.<Standing>empty());
            }
            Command leave = new Command.CustomerLeave(contactId);
            return board.settle(leave, board.decide(leave), null, List.of()).map(committed -> Optional.of(
                    new Standing(committed.decided().getOrDefault(contactId, contact), null)));
        });
    }

    @Override
    public void committed(Committed committed) {
        if (committed.command() instanceof Command.ForgetCustomer forget) {
            repeats.forget(forget.customerId());
        }
        for (Decision decision : committed.decisions()) {
            switch (decision) {
                case Decision.Completed d -> ended(d.contactId(), committed);
                case Decision.Abandoned d -> ended(d.contactId(), committed);
                default -> { }
            }
        }
    }

    @Override
    public void restored(Restoration.Snapshot snapshot, Board board) {
        liveByIdempotencyKey.clear();
        repeats.clear();
        snapshot.ended().forEach(ended -> repeats.ended(ended.customerId(), ended.contactId(), ended.endedAt()));
        snapshot.liveContacts().forEach(this::rememberKey);
    }

    private void ended(String contactId, Committed committed) {
        Contact contact = committed.decided().get(contactId);
        String key = keyOf(contact);
        if (key != null) {
            liveByIdempotencyKey.remove(key, contactId);
        }
        repeats.ended(contact.arrival().customer().id(), contactId, contact.progress().endedAt());
    }

    /**
     * The contact this gateway's key made within the idempotency window. A key older than that is
     * freed here (the background sweep frees the rest), so it makes a new contact.
     */
    private Uni<Optional<Contact>> storedByKey(Contact contact) {
        String key = contact.arrival().idempotencyKey();
        return contacts.byIdempotencyKey(contact.arrival().gatewayId(), key).chain(stored -> {
            if (stored.isEmpty() || withinWindow(stored.get())) {
                return Uni.createFrom().item(stored);
            }
            return contacts.freeIdempotencyKey(stored.get().id(), key).replaceWith(Optional.<Contact>empty());
        });
    }

    private boolean withinWindow(Contact contact) {
        return contact.progress().createdAt().plus(idempotencyWindow).isAfter(loop.clock().instant());
    }

    private Uni<Admission> known(Contact stored) {
        return standingOf(stored).map(standing -> new Admission(standing, false));
    }

    private Uni<Admission> admitOnLoop(Board board, Contact contact, ContactRequest request) {
        String existing = liveByIdempotencyKey.get(keyOf(contact));
        Contact first = existing == null ? null : board.contact(existing);
        if (first != null && !withinWindow(first)) {
            // Still live past the window (a long wait, a callback): its key no longer names it.
            liveByIdempotencyKey.remove(keyOf(contact));
            first = null;
        }
        if (first != null) {
            // Null: look again once the first request's writes are settled (stored or not).
            return board.commit(List.of()).replaceWith((Admission) null);
        }
        return route(board, contact, request);
    }

    private Uni<Admission> route(Board board, Contact contact, ContactRequest request) {
        if (loop.stopping()) {
            return Uni.createFrom().failure(new StoreUnavailable(
                    "the server is stopping; retry, another or the restarted server takes it", RETRY_AFTER, null));
        }
        int waiting = board.stats().waiting();
        if (waiting >= maxWaiting) {
            return Uni.createFrom().failure(new LineFull(waiting, RETRY_AFTER));
        }
        Command arrival = new Command.ArriveContact(request);
        // Decided first: refused while the store is unavailable, nothing is tracked.
        List<Decision> decisions = board.decide(arrival);
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Refused refused) {
                // An unknown line, a channel the line does not take, nobody who could serve it: nothing stored.
                return Uni.createFrom().failure(new RoutingRefused(refused.refusal()));
            }
        }
        String id = contact.id();
        board.track(contact.with(contact.progress().arrived(board.arrived(id).orElseThrow())));
        rememberKey(contact);
        Optional<String> repeated = repeats.arrival(contact.arrival().customer().id(), loop.clock().instant());
        Uni<?> stored = board.settle(arrival, decisions, id,
                repeated.map(earlier -> List.<Write>of(new Write.MarkRepeated(earlier, id))).orElse(List.of()));
        // Taken as decided, while it is the newest arrival: its position is then cheap to count.
        Standing standing = standingOnLoop(board, board.contact(id));
        return stored
                .invoke(() -> repeated.ifPresent(earlier -> metrics.repeat()))
                // Refused values were never stored; any other failure rebuilds routing from the store.
                .onFailure(StoreRefused.class).invoke(failure -> withdraw(contact))
                .map(ignored -> new Admission(standing, true));
    }

    /** A contact whose first write failed was never acknowledged: take it out of routing. */
    private void withdraw(Contact contact) {
        loop.onLoop(board -> {
            board.forget(contact.id());
            liveByIdempotencyKey.remove(keyOf(contact));
            Command leave = new Command.CustomerLeave(contact.id());
            List<Decision> decisions = board.decide(leave).stream()
                    .filter(decision -> !contact.id().equals(Decisions.contactOf(decision)))
                    .toList();
            return board.settle(leave, decisions, null, List.of());
        }).subscribe().with(ignored -> { }, failure -> LOG.error("re-routing after a failed intake", failure));
    }

    private Standing standingOnLoop(Board board, Contact contact) {
        return new Standing(contact, board.waiting(contact.id()).orElse(null));
    }

    private void rememberKey(Contact contact) {
        String key = keyOf(contact);
        if (key != null) {
            liveByIdempotencyKey.put(key, contact.id());
        }
    }

    private static String keyOf(Contact contact) {
        Contact.Arrival arrival = contact.arrival();
        return arrival.idempotencyKey() == null ? null : arrival.gatewayId() + "\n" + arrival.idempotencyKey();
    }
}
