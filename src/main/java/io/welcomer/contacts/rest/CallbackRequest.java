package io.welcomer.contacts.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /v1/contacts/{id}/callback}: an E.164 number such as +15551234567. */
public record CallbackRequest(
        @NotNull @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be an E.164 number such as +15551234567")
        String number) {
}
