package io.welcomer.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.store.ContactEvent;
import java.time.Instant;
import java.util.Map;

/**
 * One state change of a gateway's contact, as the gateway's event stream carries it. A
 * {@code contact.transferred} event says {@code from} which agent, {@code to} which (null for a
 * cold transfer, which waits for a line) and the {@code mode}; {@code contact.follow-up-scheduled}
 * names the follow-up (the id its contact will have) and when it is due; {@code contact.moved}
 * says {@code by} which supervisor and {@code to} where, as the move named it
 * ({@code {"agentId": "b"}} or {@code {"line": "general"}}); {@code contact.overflowed} says
 * {@code from} which line, {@code to} what as the step names it ({@code {"line": "general"}} or
 * {@code {"skills": {"general": 1}}}) and the {@code step} (1-based).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayEvent(@JsonIgnore long id, String type, String contactId, String state, Instant at,
                           String agentId, String callbackNumber, String from, Object to, String mode,
                           String followUpId, Instant dueAt, String by, Integer step) {

    private static final String TRANSFERRED = "contact.transferred";
    private static final String MOVED = "contact.moved";

    static GatewayEvent of(ContactEvent event) {
        boolean transfer = TRANSFERRED.equals(event.type());
        boolean moved = MOVED.equals(event.type());
        ContactEvent.Overflow overflow = event.overflow();
        Object to = transfer ? event.agentId() : moved ? movedTo(event)
                : overflow == null ? null
                : overflow.toLine() != null ? Map.of("line", overflow.toLine()) : Map.of("skills", overflow.toSkills());
        String from = transfer ? event.fromAgentId() : overflow == null ? null : overflow.from();
        // A moved contact is not with that agent yet: contact.offered says when it is.
        return new GatewayEvent(event.id(), event.type(), event.contactId(), event.state(), event.at(),
                moved ? null : event.agentId(), event.callbackNumber(), from, to,
                transfer ? event.transferMode() : null, event.followUpId(), event.dueAt(), event.actor(),
                overflow == null ? null : overflow.step());
    }

    private static Map<String, String> movedTo(ContactEvent event) {
        return event.line() != null ? Map.of("line", event.line()) : Map.of("agentId", event.agentId());
    }
}
