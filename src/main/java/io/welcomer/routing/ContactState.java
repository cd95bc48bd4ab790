package io.welcomer.routing;

/**
 * Where a contact is in its life: QUEUED -> OFFERED -> CONNECTED -> WRAPPING -> COMPLETED
 * (WRAPPING may be skipped), or ABANDONED.
 */
public enum ContactState {
    QUEUED, OFFERED, CONNECTED, WRAPPING, COMPLETED, ABANDONED;

    public boolean ended() {
        return this == COMPLETED || this == ABANDONED;
    }
}
