package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.capacity;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welcomer.routing.Decision.Offered;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of several free eligible agents gets a contact. */
class FairnessTest {

    private final Desk desk = new Desk();

    private Offered offerFor(ContactRequest request) {
        var offers = Desk.only(Offered.class, desk.arrive(request));
        assertEquals(1, offers.size(), () -> "expected exactly one offer, got " + offers);
        return offers.get(0);
    }

    @Test
    void amongEquallySkilledFreeAgentsTheOneIdleLongestGetsTheContact() {
        desk.online("z-longest", skills("billing", 3));
        desk.advanceSeconds(10);
        desk.online("a-shortest", skills("billing", 3));
        desk.advanceSeconds(10);

        assertThat(offerFor(request("c1", VOICE, 50, skills("billing", 3))).agentId(), is("z-longest"));
    }

    @Test
    void idleTimeRestartsWhenTheAgentFinishesAContact() {
        desk.online("m-first", skills("billing", 3));
        desk.advanceSeconds(10);
        desk.online("n-second", skills("billing", 3));
        desk.advanceSeconds(10);
        desk.arrive(request("c1", VOICE, 50, skills("billing", 1)));
        desk.accept("m-first", "c1");
        desk.advanceSeconds(60);
        desk.complete("m-first", "c1");
        desk.advanceSeconds(5);

        assertThat(offerFor(request("c2", VOICE, 50, skills("billing", 1))).agentId(),
                is("n-second"));
    }

    @Test
    void idleTimeRestartsWhenTheAgentStepsAwayAndBack() {
        desk.online("m-first");
        desk.advanceSeconds(10);
        desk.online("n-second");
        desk.advanceSeconds(10);
        desk.away("m-first", "break");
        desk.available("m-first");

        assertThat(offerFor(request("c1", CHAT)).agentId(), is("n-second"));
    }

    @Test
    void betterSkilledAgentBeatsALongerIdleOne() {
        desk.online("long-idle", skills("billing", 3));
        desk.advanceSeconds(600);
        desk.online("expert", skills("billing", 5));

        assertThat(offerFor(request("c1", VOICE, 50, skills("billing", 3))).agentId(), is("expert"));
    }

    @Test
    void fitSumsProficiencyOnTheRequiredSkillsOnly() {
        desk.online("generalist", skills("billing", 3, "tech", 5, "spanish", 5));
        desk.advanceSeconds(600);
        desk.online("specialist", skills("billing", 4));

        assertThat(offerFor(request("c1", VOICE, 50, skills("billing", 2))).agentId(),
                is("specialist"));
    }

    @Test
    void fitAddsUpAcrossSeveralRequiredSkills() {
        desk.online("one-great", skills("billing", 5, "spanish", 2));
        desk.advanceSeconds(600);
        desk.online("both-good", skills("billing", 4, "spanish", 4));

        assertThat(offerFor(request("c1", VOICE, 50, skills("billing", 2, "spanish", 2))).agentId(),
                is("both-good"));
    }

    @Test
    void idleAgentIsPreferredOverABusyChatAgentWithRoomLeft() {
        desk.online("a-busy", Map.of(), capacity(CHAT, 3));
        desk.arrive("c1", CHAT);
        desk.advanceSeconds(30);
        desk.online("b-idle", Map.of(), capacity(CHAT, 3));

        assertThat(offerFor(request("c2", CHAT)).agentId(), is("b-idle"));
    }

    @Test
    void amongEquallySkilledBusyChatAgentsTheLeastLoadedGetsTheNextChat() {
        desk.online("a-loaded", Map.of(), capacity(CHAT, 3));
        desk.online("b-light", Map.of(), capacity(CHAT, 3));
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.arrive("c3", CHAT);
        // a-loaded (first by id) now holds two chats and b-light one; both are busy, with no idle time.
        assertThat(desk.view("a-loaded").offeredContactIds().size(), is(2));

        assertThat(offerFor(request("c4", CHAT)).agentId(), is("b-light"));
    }
}
