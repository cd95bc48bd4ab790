package io.welcomer.agents.rest;

import io.welcomer.problems.PlainText;
import io.welcomer.routing.Languages;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The body of {@code PUT /v1/agents/{id}}. An omitted channel gets capacity 1. */
public record AgentProfileBody(
        @NotBlank @Size(max = 200) @PlainText String name,
        @Size(max = 50) Map<@NotBlank @Size(max = 64) @PlainText String, @NotNull @Min(1) @Max(5) Integer> skills,
        Map<@NotNull @Pattern(regexp = "voice|video|chat|email", message = "must be one of voice, video, chat, email") String,
                @NotNull @Min(0) @Max(50) Integer> capacity,
        @Size(max = 20) List<@NotNull @Pattern(regexp = Languages.TAG, message = Languages.TAG_MESSAGE) String> languages) {
}
