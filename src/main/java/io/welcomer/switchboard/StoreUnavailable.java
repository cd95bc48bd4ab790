package io.welcomer.switchboard;

import java.time.Duration;

/** The store cannot take writes now (down, slow, or too much waiting): nothing was done; retry later. */
public class StoreUnavailable extends RuntimeException {

    private final Duration retryAfter;

    public StoreUnavailable(String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
