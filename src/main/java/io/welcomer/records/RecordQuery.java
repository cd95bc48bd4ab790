package io.welcomer.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which records to read: those that arrived in [from, to), narrowed by any of line, agent (one
 * who held the contact), customer and state; {@code null} leaves a filter out.
 */
public record RecordQuery(Instant from, Instant to, String line, String agentId, String customerId, String state) {

    /** A digest of the query, which its cursors carry so that they serve no other query. */
    byte[] fingerprint() {
        String canonical = Stream.of(from, to, line, agentId, customerId, state)
                .map(value -> value == null ? "" : value.toString().replace("\\", "\\\\").replace("|", "\\|"))
                .collect(Collectors.joining("|"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
