package io.welcomer.routing;

import java.time.Instant;

/** A live contact as the router tracks it; mutated only by the router. */
final class RoutedContact {

    final ContactRequest request;
    /** Arrival order; a contact keeps it for life, so a requeue never loses its place. */
    final long seq;
    final Instant arrivedAt;
    ContactState state = ContactState.QUEUED;
    String agentId;
    long offerSerial;
    Instant connectedAt;
    boolean customerGone;
    /** The customer hung up to be called back: waiting costs them nothing, so they never give up. */
    boolean callback;

    RoutedContact(ContactRequest request, long seq, Instant arrivedAt) {
        this.request = request;
        this.seq = seq;
        this.arrivedAt = arrivedAt;
    }

    String id() {
        return request.contactId();
    }

    Channel channel() {
        return request.channel();
    }
}
