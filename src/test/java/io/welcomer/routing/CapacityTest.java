package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.EMAIL;
import static io.welcomer.routing.Channel.VIDEO;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.capacity;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Completed;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Queued;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concurrent capacity per channel, and voice and video taking an agent's whole attention. */
class CapacityTest {

    private final Desk desk = new Desk();

    private void multitasker() {
        desk.online("a1", Map.of(), capacity(CHAT, 3, EMAIL, 2, VOICE, 1, VIDEO, 1));
    }

    @Test
    void chatCapacityThreeTakesThreeChatsAndQueuesTheFourth() {
        multitasker();

        for (String id : List.of("c1", "c2", "c3")) {
            assertThat(Desk.only(Offered.class, desk.arrive(id, CHAT)), contains(desk.offered(id, CHAT, "a1")));
        }
        assertThat(desk.arrive("c4", CHAT), contains(new Queued("c4", CHAT)));
        assertThat(desk.view("a1").offeredContactIds(), containsInAnyOrder("c1", "c2", "c3"));
    }

    @Test
    void connectedChatsStillHoldCapacity() {
        multitasker();
        for (String id : List.of("c1", "c2", "c3")) {
            desk.arrive(id, CHAT);
            desk.accept("a1", id);
        }

        assertThat(desk.arrive("c4", CHAT), contains(new Queued("c4", CHAT)));
    }

    @Test
    void chatAndEmailFillTheirOwnCapacitiesSideBySide() {
        multitasker();
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);

        assertThat(Desk.only(Offered.class, desk.arrive("e1", EMAIL)), contains(desk.offered("e1", EMAIL, "a1")));
        assertThat(Desk.only(Offered.class, desk.arrive("e2", EMAIL)), contains(desk.offered("e2", EMAIL, "a1")));
        assertThat(desk.arrive("e3", EMAIL), contains(new Queued("e3", EMAIL)));
        assertThat(Desk.only(Offered.class, desk.arrive("c3", CHAT)), contains(desk.offered("c3", CHAT, "a1")));
    }

    @Test
    void agentWithAVoiceContactIsOfferedNothingElse() {
        multitasker();
        desk.arrive("v1", VOICE);
        desk.accept("a1", "v1");

        assertThat(desk.arrive("c1", CHAT), contains(new Queued("c1", CHAT)));
        assertThat(desk.arrive("e1", EMAIL), contains(new Queued("e1", EMAIL)));
        assertThat(desk.arrive("v2", VOICE), contains(new Queued("v2", VOICE)));
        assertThat(desk.arrive("x1", VIDEO), contains(new Queued("x1", VIDEO)));
    }

    @Test
    void agentWithAnOfferedVideoContactIsOfferedNothingElse() {
        multitasker();
        desk.arrive("x1", VIDEO);

        assertThat(desk.arrive("c1", CHAT), contains(new Queued("c1", CHAT)));
    }

    @Test
    void agentWithAChatIsNotOfferedVoiceOrVideo() {
        multitasker();
        desk.arrive("c1", CHAT);

        assertThat(desk.arrive("v1", VOICE), contains(new Queued("v1", VOICE)));
        assertThat(desk.arrive("x1", VIDEO), contains(new Queued("x1", VIDEO)));
    }

    @Test
    void waitingVoiceIsOfferedOnlyOnceTheLastChatCompletes() {
        multitasker();
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.accept("a1", "c1");
        desk.accept("a1", "c2");
        desk.arrive("v1", VOICE);

        assertThat(Desk.only(Offered.class, desk.complete("a1", "c1")), is(empty()));
        assertThat(Desk.only(Offered.class, desk.complete("a1", "c2")), contains(desk.offered("v1", VOICE, "a1")));
    }

    /** Voice goes only to agents who hold nothing; the roster must learn when one does again. */
    @Test
    void anAgentFreedOfEverythingIsOfferedTheNextVoiceBeforeOneStillHoldingAChat() {
        multitasker();
        desk.online("a2", Map.of(), capacity(CHAT, 3, VOICE, 1));
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.accept("a1", "c1");
        desk.accept("a2", "c2");
        desk.advanceSeconds(5);
        desk.complete("a2", "c2");

        assertThat(Desk.only(Offered.class, desk.arrive("v1", VOICE)), contains(desk.offered("v1", VOICE, "a2")));
        desk.leave("v1");
        assertThat(Desk.only(Offered.class, desk.arrive("v2", VOICE)), contains(desk.offered("v2", VOICE, "a2")));
    }

    @Test
    void completingFreesCapacityAndTheNextWaitingContactIsOfferedAtOnce() {
        desk.online("a1");
        desk.arrive("v1", VOICE);
        desk.arrive("v2", VOICE);
        desk.accept("a1", "v1");
        desk.advanceSeconds(90);

        List<Decision> decisions = desk.complete("a1", "v1");

        assertThat(decisions, contains(
                new Completed("v1", VOICE, "a1", Desk.RESOLVED, Duration.ofSeconds(90)),
                desk.offered("v2", VOICE, "a1")));
        assertThat(desk.presence("a1"), is(Presence.BUSY));
    }

    @Test
    void completingTheLastContactWithNothingWaitingMakesTheAgentAvailable() {
        desk.online("a1", Map.of(), capacity(CHAT, 3));
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.accept("a1", "c1");
        desk.accept("a1", "c2");

        assertThat(Desk.only(PresenceChanged.class, desk.complete("a1", "c1")), is(empty()));
        assertThat(Desk.only(PresenceChanged.class, desk.complete("a1", "c2")),
                contains(new PresenceChanged("a1", Presence.AVAILABLE, null)));
    }

    @Test
    void freedChatSlotGoesToTheBestWaitingChatNotAVoiceTheAgentCannotYetTake() {
        multitasker();
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.arrive("c3", CHAT);
        desk.arrive(Desk.request("v1", VOICE, 100));
        desk.arrive("c4", CHAT);
        desk.accept("a1", "c1");

        assertThat(Desk.only(Offered.class, desk.complete("a1", "c1")), contains(desk.offered("c4", CHAT, "a1")));
        assertThat(desk.position("v1"), is(1));
    }
}
