package io.welcomer.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A customer's erasure as an admin follows it: {@code running}, then {@code done} with how many
 * contacts it erased. It never names the customer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Erasure(String id, String state, Integer contacts, Instant requestedAt, Instant doneAt) {}
