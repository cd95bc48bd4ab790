package io.welcomer.routing;

/** Where a contact is in its life: QUEUED -> OFFERED -> CONNECTED -> COMPLETED, or ABANDONED. */
public enum ContactState {
    QUEUED, OFFERED, CONNECTED, COMPLETED, ABANDONED;

    public boolean ended() {
        return this == COMPLETED || this == ABANDONED;
    }
}
