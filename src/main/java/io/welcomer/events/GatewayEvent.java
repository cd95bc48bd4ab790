package io.welcomer.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.contacts.ContactEvent;
import java.time.Instant;

/**
 * One state change of a gateway's contact, as the gateway's event stream carries it. A
 * {@code contact.transferred} event says {@code from} which agent, {@code to} which (null for a
 * cold transfer, which waits for a line) and the {@code mode}; {@code contact.follow-up-scheduled}
 * names the follow-up (the id its contact will have) and when it is due.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayEvent(@JsonIgnore long id, String type, String contactId, String state, Instant at,
                           String agentId, String callbackNumber, String from, String to, String mode,
                           String followUpId, Instant dueAt) {

    private static final String TRANSFERRED = "contact.transferred";

    static GatewayEvent of(ContactEvent event) {
        boolean transfer = TRANSFERRED.equals(event.type());
        return new GatewayEvent(event.id(), event.type(), event.contactId(), event.state(), event.at(),
                event.agentId(), event.callbackNumber(), transfer ? event.fromAgentId() : null,
                transfer ? event.agentId() : null, transfer ? event.transferMode() : null, event.followUpId(),
                event.dueAt());
    }
}
