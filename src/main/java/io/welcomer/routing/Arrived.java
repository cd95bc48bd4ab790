package io.welcomer.routing;

import java.time.Instant;

/** A contact's place in arrival order and its arrival time; both only ever rise. */
public record Arrived(long seq, Instant at) {}
