package io.welcomer.contacts.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.welcomer.problems.MaxJsonSize;
import io.welcomer.problems.PlainText;
import io.welcomer.routing.Languages;
import io.welcomer.routing.Line;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The body of {@code POST /v1/contacts}: a customer reaching out through a gateway. */
public record NewContact(
        @NotNull @Pattern(regexp = "voice|video|chat|email", message = "must be one of voice, video, chat, email")
        String channel,
        @NotNull @Valid Customer customer,
        @Size(max = 20) Map<@NotBlank @Size(max = 64) @PlainText String, @NotNull @Min(1) @Max(5) Integer> skills,
        @Min(0) @Max(100) Integer priority,
        @Size(max = 200) @PlainText String topic,
        @MaxJsonSize(bytes = 8192) @PlainText JsonNode context,
        Boolean languageRequired,
        @Pattern(regexp = Line.ID_PATTERN, message = "must be a line id: 1-64 of a-z, 0-9 and -") String line) {

    public record Customer(@NotBlank @Size(max = 200) @PlainText String id, @Size(max = 200) @PlainText String name,
                           @Pattern(regexp = Languages.TAG, message = Languages.TAG_MESSAGE)
                           String language) {}
}
