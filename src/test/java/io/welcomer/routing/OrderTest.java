package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.EMAIL;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.capacity;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Offered;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which waiting contact goes first, and where each one stands in line. */
class OrderTest {

    private final Desk desk = new Desk();

    @Test
    void freedAgentGetsTheHighestPriorityWaitingContactFirst() {
        desk.arrive(request("low", VOICE, 10));
        desk.advanceSeconds(5);
        desk.arrive(request("high", VOICE, 90));
        desk.advanceSeconds(5);
        desk.arrive(request("mid", VOICE, 50));

        assertThat(Desk.only(Offered.class, desk.online("a1")), contains(desk.offered("high", VOICE, "a1")));
    }

    @Test
    void amongEqualPrioritiesTheEarliestArrivalIsOfferedFirst() {
        desk.arrive(request("first", VOICE, 50));
        desk.advanceSeconds(1);
        desk.arrive(request("second", VOICE, 50));

        assertThat(Desk.only(Offered.class, desk.online("a1")), contains(desk.offered("first", VOICE, "a1")));
    }

    @Test
    void agentWithChatCapacityTakesWaitingChatsInPriorityThenArrivalOrder() {
        desk.arrive(request("c1", CHAT, 50));
        desk.arrive(request("c2", CHAT, 20));
        desk.arrive(request("c3", CHAT, 80));
        desk.arrive(request("c4", CHAT, 50));

        var offers = Desk.only(Offered.class, desk.online("a1", Map.of(), capacity(CHAT, 3)));

        assertThat(offers.stream().map(Offered::contactId).toList(), contains("c3", "c1", "c4"));
        assertThat(desk.position("c2"), is(1));
    }

    @Test
    void positionIsOneBasedAndFollowsPriorityThenArrival() {
        desk.arrive(request("a", VOICE, 50));
        desk.arrive(request("b", VOICE, 50));
        desk.arrive(request("c", VOICE, 90));
        desk.arrive(request("d", VOICE, 10));

        assertThat(desk.position("c"), is(1));
        assertThat(desk.position("a"), is(2));
        assertThat(desk.position("b"), is(3));
        assertThat(desk.position("d"), is(4));
    }

    @Test
    void positionsMoveUpWhenTheContactAheadIsOffered() {
        desk.arrive(request("a", VOICE, 50));
        desk.arrive(request("b", VOICE, 50));
        desk.arrive(request("c", VOICE, 50));

        desk.online("agent");

        assertThat(desk.position("a"), is(0));
        assertThat(desk.position("b"), is(1));
        assertThat(desk.position("c"), is(2));
    }

    @Test
    void positionsMoveUpWhenTheContactAheadLeaves() {
        desk.arrive(request("a", VOICE, 50));
        desk.arrive(request("b", VOICE, 50));

        desk.leave("a");

        assertThat(desk.position("b"), is(1));
    }

    @Test
    void laterHigherPriorityArrivalPushesWaitingContactsBack() {
        desk.arrive(request("a", EMAIL, 50));
        desk.arrive(request("b", EMAIL, 50));
        desk.arrive(request("vip", EMAIL, 100));

        assertThat(desk.position("vip"), is(1));
        assertThat(desk.position("a"), is(2));
        assertThat(desk.position("b"), is(3));
    }

    @Test
    void positionCountsOnlyContactsWaitingOnTheSameChannel() {
        desk.arrive(request("v1", VOICE, 50));
        desk.arrive(request("v2", VOICE, 50));
        desk.arrive(request("c1", CHAT, 50));

        assertThat(desk.position("c1"), is(1));
        assertThat(desk.position("v2"), is(2));
    }

    @Test
    void higherPriorityContactTheAgentCannotServeDoesNotBlockOneItCan() {
        desk.arrive(request("vip-spanish", VOICE, 100, skills("spanish", 3)));
        desk.arrive(request("normal", VOICE, 10));

        assertThat(Desk.only(Offered.class, desk.online("a1", skills("billing", 3))),
                contains(desk.offered("normal", VOICE, "a1")));
        assertThat(desk.position("vip-spanish"), is(1));
    }

    @Test
    void offeredAndConnectedContactsHaveNoPosition() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        assertThat(desk.router.waiting("c1").isPresent(), is(false));

        desk.accept("a1", "c1");
        assertThat(desk.router.waiting("c1").isPresent(), is(false));
    }

    @Test
    void estimatedWaitGrowsWithPositionAndShrinksWithMoreSignedInAgentsWhoCouldServe() {
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);
        desk.register("x", Map.of());
        desk.connect("x");
        assertThat(desk.router.waiting("a").orElseThrow().estimatedWaitSeconds(), is(180L));
        assertThat(desk.router.waiting("b").orElseThrow().estimatedWaitSeconds(), is(360L));

        desk.register("y", Map.of());
        desk.connect("y");

        assertThat(desk.router.waiting("b").orElseThrow().estimatedWaitSeconds(), is(180L));
    }

    @Test
    void estimatedWaitFollowsTheTouchTimeOfCompletedContactsOnTheChannel() {
        desk.online("x");
        desk.arrive("first", VOICE);
        desk.accept("x", "first");
        desk.advanceSeconds(60);
        desk.complete("x", "first");
        desk.away("x", "meeting");
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);

        assertThat(desk.router.waiting("b").orElseThrow().estimatedWaitSeconds(), is(120L));
    }

    @Test
    void positionCountsOnlyTheContactsThisOneCompetesWith() {
        desk.arrive(request("billing-1", VOICE, 50, skills("billing", 1)));
        desk.arrive(request("tech-1", VOICE, 50, skills("tech", 1)));
        desk.arrive(request("billing-2", VOICE, 50, skills("billing", 4)));
        desk.arrive(request("chat-billing", CHAT, 50, skills("billing", 1)));
        desk.arrive(request("tech-2", VOICE, 50, skills("tech", 1)));

        // Same channel and skill names make one line, whatever the minimum levels.
        assertThat(desk.position("billing-1"), is(1));
        assertThat(desk.position("billing-2"), is(2));
        assertThat(desk.position("tech-1"), is(1));
        assertThat(desk.position("tech-2"), is(2));
        assertThat(desk.position("chat-billing"), is(1));
    }

    @Test
    void withoutAgingANewerHigherPriorityContactStaysAheadHoweverLongTheOtherWaited() {
        desk.arrive(request("patient", VOICE, 0));
        desk.advanceSeconds(3_600);
        desk.arrive(request("urgent", VOICE, 30));

        assertThat(desk.position("urgent"), is(1));
        assertThat(Desk.only(Offered.class, desk.online("a1")), contains(desk.offered("urgent", VOICE, "a1")));
    }

    @Test
    void agingLetsALongWaitOvertakeANewerHigherPriority() {
        Desk aging = new Desk(RoutingRules.defaults().withPriorityAging(1));
        aging.arrive(request("patient", VOICE, 0));
        aging.advanceSeconds(29 * 60);
        aging.arrive(request("urgent-early", VOICE, 30));
        aging.advanceSeconds(2 * 60);
        aging.arrive(request("urgent-late", VOICE, 30));

        // After 31 minutes "patient" stands at 31 points: past urgent-late (30), not urgent-early (32).
        assertThat(aging.position("urgent-early"), is(1));
        assertThat(aging.position("patient"), is(2));
        assertThat(aging.position("urgent-late"), is(3));
        assertThat(Desk.only(Offered.class, aging.online("a1")), contains(aging.offered("urgent-early", VOICE, "a1")));
    }
}
