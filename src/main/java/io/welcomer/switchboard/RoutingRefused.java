package io.welcomer.switchboard;

import io.welcomer.routing.Refusal;

/** The router refused a command from the HTTP API; nothing changed. */
public class RoutingRefused extends RuntimeException {

    private final Refusal refusal;

    public RoutingRefused(Refusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
