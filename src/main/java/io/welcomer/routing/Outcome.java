package io.welcomer.routing;

/** What came of a contact, as the agent reports it on completion. */
public record Outcome(boolean resolved, String code, String notes) {
}
