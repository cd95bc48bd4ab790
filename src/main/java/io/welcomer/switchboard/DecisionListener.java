package io.welcomer.switchboard;

/**
 * Receives what the routing loop decided, once it is committed: agent frames, gateway events,
 * metrics, intake bookkeeping. A CDI bean implementing this is found by the loop; the loop never
 * imports its listeners. Called on the routing context, in commit order; must not block.
 */
public interface DecisionListener {

    /** One command's decisions, now stored. */
    default void committed(Committed committed) {
    }

    /** The routing state was rebuilt from the store (at start); listeners reload what they keep. */
    default void restored(Restoration.Snapshot snapshot, Board board) {
    }

    /** This process lost the routing lease: it stands by; listeners let go of what they serve. */
    default void steppedDown() {
    }
}
