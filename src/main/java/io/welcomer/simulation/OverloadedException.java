package io.welcomer.simulation;

/** The simulated centre cannot keep up: its queue grew past what a run may hold. */
public final class OverloadedException extends RuntimeException {

    OverloadedException(int waiting) {
        super("more than " + waiting + " contacts waiting at once: the agents cannot keep up with the arrivals",
                null, false, false);
    }
}
