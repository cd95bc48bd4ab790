package io.welcomer.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.welcomer.problems.Instants;
import io.welcomer.problems.ProblemException;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/** Who did what: every admin and supervisor change, oldest first, a page at a time. */
@Path("/v1/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final int MAX_ACTOR = 256;
    private static final String CURSOR_PREFIX = "audit:";

    /** One change: {@code detail} is a JSON object whose fields depend on the action. */
    public record Item(Instant at, String actor, String role, String action, String target,
                       Map<String, Object> detail) {}

    /** A page; {@code next} is the cursor of the page after it, null on the last. */
    public record Page(List<Item> items, String next) {}

    private final AuditStore store;

    AuditResource(AuditStore store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "The audit trail: admin and supervisor changes, oldest first, paged by an opaque cursor")
    @APIResponse(responseCode = "200", description = "A page of the trail")
    @APIResponse(responseCode = "400", description = "A bad from, to, actor, cursor or limit, named in the problem")
    @APIResponse(responseCode = "401", description = "No credential, or an unknown one")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Uni<Page> page(@RestQuery String from, @RestQuery String to, @RestQuery String actor,
                          @RestQuery String cursor, @RestQuery Integer limit) {
        Instant since = from == null ? null : Instants.parse("from", from);
        Instant until = to == null ? null : Instants.parse("to", to);
        if (since != null && until != null && since.isAfter(until)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        if (actor != null && (actor.isBlank() || actor.length() > MAX_ACTOR)) {
            throw ProblemException.invalidField("actor", "must be 1-" + MAX_ACTOR + " characters");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be 1-" + MAX_LIMIT);
        }
        long after = cursor == null ? 0 : afterOf(cursor);
        return store.page(after, since, until, actor, size + 1).map(rows -> {
            List<AuditStore.Stored> shown = rows.size() > size ? rows.subList(0, size) : rows;
            String next = rows.size() > size ? cursorAfter(shown.get(size - 1).seq()) : null;
            return new Page(shown.stream().map(row -> new Item(row.at(), row.actor(), row.role(), row.action(),
                    row.target(), new JsonObject(row.detail()).getMap())).toList(), next);
        });
    }

    static String cursorAfter(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long afterOf(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long seq = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the problem below: not a cursor this server gave.
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this server gave; start without one");
    }
}
