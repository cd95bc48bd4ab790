package io.welcomer.problems;

import java.time.Duration;

/** As many contacts wait as the server takes ({@code welcomer.max-waiting}): nothing was done; retry later. */
public class LineFull extends RuntimeException {

    private final Duration retryAfter;

    public LineFull(int waiting, Duration retryAfter) {
        super(waiting + " contacts are waiting, as many as this server takes; retry later", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
