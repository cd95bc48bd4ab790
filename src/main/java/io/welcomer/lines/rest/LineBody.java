package io.welcomer.lines.rest;

import io.welcomer.problems.PlainText;
import io.welcomer.routing.Languages;
import io.welcomer.routing.Line;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /v1/lines/{lineId}}. The annotations bound each field; what spans
 * fields or must be parsed (times, zones, dates, waits, windows that overlap) {@link LineRules}
 * checks, naming the field with its place in a list.
 */
public record LineBody(
        @Size(max = 200) @PlainText String name,
        @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) String> channels,
        @Size(max = 20) Map<@NotBlank @Size(max = 64) @PlainText String, @NotNull @Min(1) @Max(5) Integer> skills,
        @Pattern(regexp = Languages.TAG, message = Languages.TAG_MESSAGE) String language,
        Boolean languageRequired,
        @Valid Hours hours,
        @Valid ServiceLevel serviceLevel,
        @Size(max = 6) List<@NotNull @Valid Step> overflow) {

    static final String CHANNEL = "voice|video|chat|email";
    static final String CHANNEL_MESSAGE = "must be one of voice, video, chat, email";
    static final String LINE_ID = Line.ID_PATTERN;
    public static final String LINE_ID_MESSAGE = "must be 1-64 of a-z, 0-9 and -";

    /** Times are local to {@code timeZone}, an IANA zone such as Europe/London. */
    public record Hours(@NotBlank @Size(max = 64) String timeZone,
                        @NotNull @Size(max = 50) List<@NotNull @Valid Weekly> weekly,
                        @Size(max = 400) List<@NotNull @Valid Dated> exceptions) {}

    /** Open on these days from {@code open} to {@code close} ({@code HH:mm}; {@code 24:00} is midnight). */
    public record Weekly(@NotEmpty @Size(max = 7) List<@NotNull String> days,
                         @NotNull @Size(max = 5) String open, @NotNull @Size(max = 5) String close) {}

    /** On {@code date} ({@code YYYY-MM-DD}): {@code closed}, or open from {@code open} to {@code close}. */
    public record Dated(@NotNull @Size(max = 10) String date, Boolean closed, @Size(max = 5) String open,
                        @Size(max = 5) String close) {}

    /** A share of contacts ({@code target}, 0-1) answered within {@code seconds} of arrival. */
    public record ServiceLevel(@NotNull @Min(1) @Max(86_400) Integer seconds,
                               @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double target) {}

    /** After {@code after} ({@code 60s}, {@code 3m}, {@code 1h}) of open time: these skills, or this line's agents. */
    public record Step(@NotNull @Size(max = 10) String after,
                       @Size(max = 20) Map<@NotBlank @Size(max = 64) @PlainText String, @NotNull @Min(1) @Max(5) Integer> skills,
                       @Pattern(regexp = LINE_ID, message = LINE_ID_MESSAGE) String line) {}
}
