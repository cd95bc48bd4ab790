package io.welcomer.contacts.rest;

import io.welcomer.problems.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/contacts/{id}/move}: {@code {"to": {"agentId": "b"}}}. */
public record MoveRequest(@NotNull @Valid Destination to) {

    /** The agent the contact goes to. */
    public record Destination(@NotBlank @Size(max = 64) @PlainText String agentId) {}
}
