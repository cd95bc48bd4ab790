package io.welcomer.records.rest;

import io.welcomer.problems.PlainText;
import io.welcomer.problems.Instants;
import io.welcomer.problems.ProblemException;
import io.welcomer.records.RecordQuery;
import io.welcomer.routing.ContactState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The query parameters of {@code GET /v1/contacts}, checked: bad input is a 400 naming the parameter. */
final class RecordParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Duration DEFAULT_RANGE = Duration.ofDays(1);
    private static final int MAX_ID = 200;

    private RecordParameters() {
    }

    /** The query; {@code to} defaults to now, {@code from} to a day before {@code to}. */
    static RecordQuery query(String from, String to, String line, String agentId, String customerId, String state,
                             Instant now) {
        Instant until = to == null ? now : Instants.parse("to", to);
        Instant since = from == null ? until.minus(DEFAULT_RANGE) : Instants.parse("from", from);
        if (since.isAfter(until)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        return new RecordQuery(since, until, id("line", line), id("agentId", agentId), id("customerId", customerId),
                state(state));
    }

    /** A paged query covers at most {@code max}: a longer range is exported as NDJSON or CSV. */
    static void pageable(RecordQuery query, Duration max) {
        if (Duration.between(query.from(), query.to()).compareTo(max) > 0) {
            throw ProblemException.invalidField("to", "is more than " + max.toDays() + " days after from: page through "
                    + "a shorter range, or export it whole with Accept: application/x-ndjson or text/csv");
        }
    }

    static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** An export streams the whole range: paging parameters would be silently ignored, so they are refused. */
    static void unpaged(String cursor, String limit) {
        if (cursor != null) {
            throw ProblemException.invalidField("cursor", "pages JSON; an export (NDJSON, CSV) streams the whole range");
        }
        if (limit != null) {
            throw ProblemException.invalidField("limit", "pages JSON; an export (NDJSON, CSV) streams the whole range");
        }
    }

    private static String state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return ContactState.valueOf(state).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("state", "must be one of " + Arrays.stream(ContactState.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String id(String field, String value) {
        if (value != null && (value.isEmpty() || value.length() > MAX_ID || !PlainText.Rules.isPlain(value, false))) {
            throw ProblemException.invalidField(field, "must be 1-" + MAX_ID + " characters of plain text");
        }
        return value;
    }
}
