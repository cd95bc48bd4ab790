package io.welcomer.agents.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.welcomer.routing.Presence;
import java.time.Instant;
import java.util.List;

/** The frames the server sends an agent, as the contract spells them. */
public final class Frames {

    private Frames() {
    }

    public record Customer(String id, String name, String language) {}

    /** A contact the agent holds, as a reconnecting console redraws it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActiveContact(String contactId, String state, String channel, Customer customer, String topic,
                                Instant connectedAt, String callbackNumber) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HistoryItem(Instant at, String agentId, Boolean resolved, Integer csat) {}

    /** A follow-up the agent promised and that is not due yet. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Promised(String followUpId, String fromContactId, Customer customer, Instant at, String number,
                           String note) {}

    public record Hello(String type, String agentId, Presence presence, List<ActiveContact> contacts,
                        List<Promised> followUps) {
        public Hello(String agentId, Presence presence, List<ActiveContact> contacts, List<Promised> followUps) {
            this("hello", agentId, presence, contacts, followUps);
        }
    }

    /** A transferred contact's offer says who handed it on, how, and what they said. */
    public record Transfer(String from, String mode, String note) {}

    /**
     * {@code context} is JSON text, written into the frame as it is; {@code expiresAt} lets a console
     * draw the countdown whatever the frame's delay; {@code transfer} is there only for a transferred
     * contact, {@code note} only for a follow-up (its promise's note).
     */
    public record Offer(String type, String contactId, String channel, String mode, Customer customer,
                        String topic, @JsonRawValue String context, List<HistoryItem> history, long expiresInSeconds,
                        Instant expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) Transfer transfer,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String note,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String line) {
        public Offer(String contactId, String channel, String mode, Customer customer, String topic,
                     String context, List<HistoryItem> history, long expiresInSeconds, Instant expiresAt,
                     Transfer transfer, String note, String line) {
            this("offer", contactId, channel, mode, customer, topic, context, history, expiresInSeconds, expiresAt,
                    transfer, note, line);
        }
    }

    /** To the owner of a contact it is transferring: offered, accepted, rejected, timeout, cancelled, ... */
    public record TransferStatus(String type, String contactId, String status) {
        public TransferStatus(String contactId, String status) {
            this("transfer-status", contactId, status);
        }
    }

    public record OfferRevoked(String type, String contactId, String reason) {
        public OfferRevoked(String contactId, String reason) {
            this("offer-revoked", contactId, reason);
        }
    }

    /** After an accept; a callback carries the number to dial. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Connected(String type, String contactId, String callbackNumber) {
        public Connected(String contactId, String callbackNumber) {
            this("connected", contactId, callbackNumber);
        }
    }

    /** A contact the agent held is completed; {@code code} only when the server completed it (wrap-up expired). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Completed(String type, String contactId, String code) {
        public Completed(String contactId, String code) {
            this("completed", contactId, code);
        }
    }

    public record CustomerLeft(String type, String contactId) {
        public CustomerLeft(String contactId) {
            this("customer-left", contactId);
        }
    }

    /**
     * With {@code next}: the agent takes no new offers and will be {@code next} (for {@code reason})
     * once free. {@code by}: the supervisor who set it so.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PresenceChanged(String type, Presence presence, String reason, Presence next, String by) {
        public PresenceChanged(Presence presence, String reason, Presence next, String by) {
            this("presence", presence, reason, next, by);
        }
    }

    public record Error(String type, String code, String message) {
        public Error(String code, String message) {
            this("error", code, message);
        }
    }
}
