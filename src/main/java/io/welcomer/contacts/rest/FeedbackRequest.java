package io.welcomer.contacts.rest;

import io.welcomer.problems.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/contacts/{id}/feedback}: satisfaction 1-5 and an optional comment. */
public record FeedbackRequest(@NotNull @Min(1) @Max(5) Integer csat, @Size(max = 2048) @PlainText(multiline = true) String comment) {
}
