package io.welcomer.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A time given as text in a query or a body: an ISO-8601 date (its UTC midnight) or instant. */
public final class Instants {

    private Instants() {}

    /** The instant {@code value} names, or a 400 naming {@code field}. */
    public static Instant parse(String field, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field,
                    "must be an ISO-8601 date or instant, such as 2026-11-01 or 2026-11-01T09:00:00Z");
        }
    }
}
