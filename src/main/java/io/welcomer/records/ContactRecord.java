package io.welcomer.records;

import io.welcomer.routing.ContactState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One contact's story as a centre's quality team or BI tool reads it: every offer and what came
 * of it, every leg with an agent and its touch time, the wait, the wrap-up, the outcome, how the
 * customer felt and whether they came back. Built from the stored row and its events.
 *
 * @param waitSeconds   arrival to the first agent connected; for a customer who left first, to leaving
 * @param touchSeconds  touch time summed over the legs, once the conversation ended
 * @param wrapUpSeconds after-contact work, once completed (0 when completed straight from the conversation)
 * @param repeat        the customer came back within the repeat window after this contact
 * @param erasedAt      when its personal data was erased (retention or the customer's erasure)
 */
public record ContactRecord(String id, String line, String channel, String mode, String customerId,
                            Instant createdAt, List<Offer> offers, List<Leg> legs, Double waitSeconds,
                            Double touchSeconds, Double wrapUpSeconds, String state, Outcome outcome, Integer csat,
                            boolean repeat, Instant erasedAt) {

    /**
     * An offer to one agent. {@code result}: {@code accepted}, {@code rejected}, {@code timeout},
     * {@code agent-gone}, {@code abandoned} (the customer left), {@code requeued} (why not stored),
     * or {@code pending} while it waits for an answer.
     */
    public record Offer(String agentId, Instant at, String result) {}

    /** A stretch with one agent; open (no end, no touch time) while it lasts. */
    public record Leg(String agentId, Instant connectedAt, Instant endedAt, Double touchSeconds) {}

    public record Outcome(boolean resolved, String code, String notes) {}

    /** The record of a stored contact: offers and legs read from its events in order. */
    public static ContactRecord of(StoredContact stored) {
        List<Offer> offers = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        int pendingOffer = -1;
        Leg openLeg = null;
        Instant firstConnected = null;
        for (StoredContact.Event event : stored.events()) {
            String offerResult = null;
            boolean legEnds = false;
            Leg nextLeg = null;
            switch (event.type()) {
                case "contact.offered" -> {
                    offers.add(new Offer(event.agentId(), event.at(), "pending"));
                    pendingOffer = offers.size() - 1;
                }
                case "contact.connected" -> {
                    offerResult = "accepted";
                    nextLeg = new Leg(event.agentId(), event.at(), null, null);
                    firstConnected = firstConnected == null ? event.at() : firstConnected;
                }
                // After an offer, the offer ended unanswered; after a connect, the agent was lost.
                case "contact.requeued" -> {
                    offerResult = event.reason() == null ? "requeued" : event.reason();
                    legEnds = true;
                }
                case "contact.abandoned" -> offerResult = "abandoned";
                // Warm, the colleague who took it starts the next leg at once; cold, it waits again.
                case "contact.transferred" -> {
                    legEnds = true;
                    nextLeg = event.agentId() == null ? null : new Leg(event.agentId(), event.at(), null, null);
                }
                case "contact.wrapping", "contact.completed" -> legEnds = true;
                default -> { }
            }
            if (offerResult != null && pendingOffer >= 0) {
                Offer offer = offers.get(pendingOffer);
                offers.set(pendingOffer, new Offer(offer.agentId(), offer.at(), offerResult));
                pendingOffer = -1;
            } else if (legEnds && openLeg != null) {
                legs.add(new Leg(openLeg.agentId(), openLeg.connectedAt(), event.at(),
                        seconds(Duration.between(openLeg.connectedAt(), event.at()))));
                openLeg = null;
            }
            if (nextLeg != null) {
                openLeg = nextLeg;
            }
        }
        if (openLeg != null) {
            legs.add(openLeg);
        }
        return new ContactRecord(stored.id(), stored.line(), stored.channel(), stored.mode(), stored.customerId(),
                stored.createdAt(), offers, legs, waitSeconds(stored, firstConnected), touchSeconds(stored),
                wrapUpSeconds(stored), stored.state(), outcome(stored), stored.csat(), stored.repeatedBy() != null,
                stored.erasedAt());
    }

    private static Double waitSeconds(StoredContact stored, Instant firstConnected) {
        if (firstConnected != null) {
            return seconds(Duration.between(stored.createdAt(), firstConnected));
        }
        return stored.endedAt() == null ? null : seconds(Duration.between(stored.createdAt(), stored.endedAt()));
    }

    private static Double touchSeconds(StoredContact stored) {
        boolean conversationOver = stored.state().equals(ContactState.WRAPPING.name())
                || stored.state().equals(ContactState.COMPLETED.name());
        return conversationOver && stored.touchMillis() != null ? stored.touchMillis() / 1000.0 : null;
    }

    private static Double wrapUpSeconds(StoredContact stored) {
        if (!stored.state().equals(ContactState.COMPLETED.name()) || stored.endedAt() == null) {
            return null;
        }
        return stored.wrappedAt() == null ? 0.0 : seconds(Duration.between(stored.wrappedAt(), stored.endedAt()));
    }

    private static Outcome outcome(StoredContact stored) {
        return stored.resolved() == null ? null
                : new Outcome(stored.resolved(), stored.outcomeCode(), stored.outcomeNotes());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
