package io.welcomer.routing;

import java.util.Locale;

/** Warm: the owner stays on until the target accepts. Cold: the contact leaves the owner at once. */
public enum TransferMode {
    WARM, COLD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
