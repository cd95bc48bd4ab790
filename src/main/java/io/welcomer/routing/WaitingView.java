package io.welcomer.routing;

/** Where a waiting contact stands: its 1-based position and an estimate of its wait. */
public record WaitingView(int position, long estimatedWaitSeconds) {
}
