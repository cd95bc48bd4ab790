package io.welcomer.records;

import java.time.Instant;
import java.util.List;

/**
 * A contact's row and its events, as the store holds them, for its {@link ContactRecord}.
 *
 * @param touchMillis touch time summed over the legs once the conversation ended
 * @param events      the contact's events in the order they happened
 */
public record StoredContact(String id, String line, String channel, String mode, String customerId, Instant createdAt,
                            String state, Instant endedAt, Instant wrappedAt, Long touchMillis, Boolean resolved,
                            String outcomeCode, String outcomeNotes, Integer csat, String repeatedBy,
                            Instant erasedAt, List<Event> events) {

    /**
     * One stored event of the contact.
     *
     * @param agentId the agent concerned: offered to, connected to, the previous one on a requeue,
     *                the one taking it on a warm transfer
     * @param reason  on a requeue after an offer: why the offer ended
     */
    public record Event(String type, String agentId, Instant at, String reason) {}
}
