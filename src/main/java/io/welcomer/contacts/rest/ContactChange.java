package io.welcomer.contacts.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PATCH /v1/contacts/{id}}: a supervisor's new priority for a waiting contact. */
public record ContactChange(@NotNull @Min(0) @Max(100) Integer priority) {
}
