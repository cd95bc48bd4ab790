package io.welcomer.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.contacts.persistence.ContactEventEntity;
import java.time.Instant;

/** One state change of a gateway's contact, as the gateway's event stream carries it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayEvent(@JsonIgnore long id, String type, String contactId, String state, Instant at,
                           String agentId, String callbackNumber) {

    static GatewayEvent of(ContactEventEntity event) {
        return new GatewayEvent(event.id, event.type, event.contactId, event.state, event.at, event.agentId,
                event.callbackNumber);
    }
}
