package io.welcomer.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One admin or supervisor change as the audit trail keeps it: who (a caller's name, never a
 * key), in which role, when, what, to what, and the details that matter (as JSON). Nothing
 * secret goes in: no key, no token, no customer's personal data.
 *
 * @param id     the entry's own id, so that writing it again stores it once
 * @param action what was done, e.g. {@code agent.created}, {@code contact.moved}
 * @param target what it was done to: an agent id, a contact id, a line id, a customer id
 * @param detail a JSON object
 */
public record AuditEntry(UUID id, Instant at, String actor, String role, String action, String target,
                         String detail) {

    /**
     * An entry for a change by the caller named {@code actor}, in {@code role}; {@code detail} holds
     * JSON values (maps, lists, text, numbers).
     */
    public static AuditEntry of(String actor, String role, String action, String target, Map<String, ?> detail,
                                Instant at) {
        return new AuditEntry(UUID.randomUUID(), at, actor, role, action, target,
                new JsonObject(new LinkedHashMap<String, Object>(detail)).encode());
    }
}
