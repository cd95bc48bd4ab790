package io.welcomer.routing;

import java.util.Locale;

/** How a warm transfer ended when the contact stayed with its owner. */
public enum TransferStatus {
    REJECTED, TIMEOUT, CANCELLED,
    /** The target signed out or was removed before answering. */
    TARGET_GONE,
    /** The customer left before the target answered. */
    CUSTOMER_LEFT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
