package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimated wait follows the measured time between departures from the contact's line. */
class WaitEstimateTest {

    private final Desk desk = new Desk();

    @Test
    void withEnoughRecentDeparturesTheWaitIsPositionTimesTheirMeanGap() {
        moveTheLineEveryTenSeconds(VOICE, 6);
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);
        desk.arrive("c", VOICE);

        // Six departures 10 s apart: the third in line waits about 30 s.
        assertThat(estimate("a"), is(10L));
        assertThat(estimate("c"), is(30L));
    }

    @Test
    void theEstimateMovesWithTheQueue() {
        moveTheLineEveryTenSeconds(VOICE, 6);
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);
        desk.advanceSeconds(10);
        desk.leave("a");

        assertThat(estimate("b"), is(10L));
    }

    @Test
    void aCustomerGivingUpAlsoMovesTheLineAndShortensTheGaps() {
        moveTheLineEveryTenSeconds(VOICE, 6);
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);
        desk.advanceSeconds(3);
        desk.leave("a");

        // Gaps 10, 10, 10, 10, 10, 10 and 3: a mean of 9 s.
        assertThat(estimate("b"), is(9L));
    }

    @Test
    void timeWithNobodyWaitingIsNotCountedAsAGap() {
        moveTheLineEveryTenSeconds(VOICE, 6);
        desk.advanceSeconds(120);
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);

        assertThat(estimate("b"), is(20L));
    }

    @Test
    void departuresOlderThanTheWindowNoLongerCountAndThePriorTakesOver() {
        moveTheLineEveryTenSeconds(VOICE, 6);
        desk.register("y", Map.of());
        desk.connect("y");
        desk.advanceSeconds(WaitEstimator.WINDOW.toSeconds() + 60);
        desk.arrive("a", VOICE);

        // The prior: position 1 x the measured 10 s touch time / the voice slots of x and y.
        assertThat(estimate("a"), is(5L));
    }

    @Test
    void anotherLinesDeparturesDoNotCount() {
        moveTheLineEveryTenSeconds(CHAT, 6);
        desk.register("z", skills("billing", 1));
        desk.connect("z");
        desk.arrive("a", VOICE);
        desk.arrive(request("b", CHAT, 0, skills("billing", 1)));

        // No voice history, nor for chats needing billing: the prior of 180 s touch time over the
        // voice slots of x and z, and for the chat 10 s on chat over z's one slot (x has no billing).
        assertThat(estimate("a"), is(90L));
        assertThat(estimate("b"), is(10L));
    }

    private long estimate(String contactId) {
        return desk.router.waiting(contactId).orElseThrow().estimatedWaitSeconds();
    }

    /**
     * Agent x serves a line of waiting contacts one by one with a 10 s touch time, so one leaves
     * the line every 10 s; x ends busy with the last, and the line empty.
     */
    private void moveTheLineEveryTenSeconds(Channel channel, int departures) {
        desk.online("x");
        for (int i = 0; i <= departures; i++) {
            desk.arrive(Desk.request("served-" + i, channel));
        }
        desk.accept("x", "served-0");
        for (int i = 0; i < departures; i++) {
            desk.advanceSeconds(10);
            desk.complete("x", "served-" + i);
            desk.accept("x", "served-" + (i + 1));
        }
    }
}
