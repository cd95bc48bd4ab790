package io.welcomer.simulation;

/** No number of agents within the search's bound meets the staffing target. */
public final class TargetOutOfReachException extends RuntimeException {

    TargetOutOfReachException(int maxAgents) {
        super("no count of agents up to " + maxAgents + " meets the target", null, false, false);
    }
}
