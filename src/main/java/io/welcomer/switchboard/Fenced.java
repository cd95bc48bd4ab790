package io.welcomer.switchboard;

import java.time.Duration;

/** A write refused by the journal's fence: another process holds the routing lease now. Nothing was stored. */
public final class Fenced extends StoreUnavailable {

    Fenced(Duration retryAfter, Throwable cause) {
        super("this server no longer holds the routing lease; retry, the new leader takes it", retryAfter, cause);
    }
}
