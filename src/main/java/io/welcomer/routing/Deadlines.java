package io.welcomer.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Pending deadlines in time order. Entries are never cancelled: each carries the serial it was
 * set for, and the router ignores one whose offer or session has since moved on.
 */
final class Deadlines {

    enum Kind {
        OFFER_EXPIRY, RECONNECT_GRACE, RELAX, WRAP_UP_LIMIT, TRANSFER_EXPIRY, FOLLOW_UP_DUE, RESERVATION_GRACE, LINE_CHANGE,
        OVERFLOW
    }

    record Due(Kind kind, String key, long serial, Instant at, long order) {}

    private final PriorityQueue<Due> pending = new PriorityQueue<>(
            Comparator.comparing(Due::at).thenComparingLong(Due::order));
    private long order;

    void add(Kind kind, String key, long serial, Instant at) {
        pending.add(new Due(kind, key, serial, at, order++));
    }

    /** The earliest deadline at or before {@code now}, removed; null if none is due. */
    Due pollDue(Instant now) {
        Due head = pending.peek();
        return head != null && !head.at().isAfter(now) ? pending.poll() : null;
    }

    Optional<Instant> next() {
        Due head = pending.peek();
        return head == null ? Optional.empty() : Optional.of(head.at());
    }
}
