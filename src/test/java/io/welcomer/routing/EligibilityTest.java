package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.EMAIL;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.capacity;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Queued;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may be offered a contact: skills at proficiency, free capacity, and no hold loop. */
class EligibilityTest {

    private final Desk desk = new Desk();

    @Test
    void agentWithEveryRequiredSkillExactlyAtTheMinimumIsOffered() {
        desk.online("a1", skills("billing", 3, "spanish", 2));

        List<Decision> decisions = desk.arrive(request("c1", VOICE, 50, skills("billing", 3, "spanish", 2)));

        assertThat(decisions, contains(desk.offered("c1", VOICE, "a1"),
                new PresenceChanged("a1", Presence.BUSY, null)));
    }

    @Test
    void agentMissingOneRequiredSkillIsNotOffered() {
        desk.online("a1", skills("billing", 5));

        List<Decision> decisions = desk.arrive(request("c1", VOICE, 50, skills("billing", 1, "spanish", 1)));

        assertThat(decisions, contains(new Queued("c1", VOICE)));
        assertThat(desk.view("a1").offeredContactIds(), is(empty()));
        assertThat(desk.presence("a1"), is(Presence.AVAILABLE));
    }

    @Test
    void agentWithProficiencyBelowTheMinimumIsNotOffered() {
        desk.online("a1", skills("billing", 2));

        List<Decision> decisions = desk.arrive(request("c1", VOICE, 50, skills("billing", 3)));

        assertThat(decisions, contains(new Queued("c1", VOICE)));
        assertThat(desk.position("c1"), is(1));
    }

    @Test
    void contactWithoutSkillRequirementsIsOfferedToAnAgentWithNoSkills() {
        desk.online("a1");

        assertThat(Desk.only(Offered.class, desk.arrive("c1", CHAT)),
                contains(desk.offered("c1", CHAT, "a1")));
    }

    @Test
    void ineligibleAgentIdleLongerIsPassedOverForAnEligibleOne() {
        desk.online("a-unskilled", skills("billing", 1));
        desk.advanceSeconds(60);
        desk.online("b-skilled", skills("billing", 4));

        List<Decision> decisions = desk.arrive(request("c1", VOICE, 50, skills("billing", 4)));

        assertThat(Desk.only(Offered.class, decisions), contains(desk.offered("c1", VOICE, "b-skilled")));
        assertThat(desk.presence("a-unskilled"), is(Presence.AVAILABLE));
    }

    @Test
    void waitingContactIsNotOfferedToAnIneligibleAgentThatBecomesAvailable() {
        desk.arrive(request("c1", VOICE, 50, skills("tech", 3)));

        List<Decision> decisions = desk.online("a1", skills("billing", 5));

        assertThat(Desk.only(Offered.class, decisions), is(empty()));
        assertThat(desk.position("c1"), is(1));
        assertThat(desk.presence("a1"), is(Presence.AVAILABLE));
    }

    @Test
    void waitingContactIsOfferedTheMomentAnEligibleAgentBecomesAvailable() {
        desk.arrive(request("c1", VOICE, 50, skills("tech", 3)));
        desk.register("a1", skills("tech", 3));
        desk.connect("a1");
        desk.advanceSeconds(7);

        List<Decision> decisions = desk.available("a1");

        assertThat(decisions, contains(desk.offered("c1", VOICE, "a1"),
                new PresenceChanged("a1", Presence.BUSY, null)));
        assertThat(desk.position("c1"), is(0));
    }

    @Test
    void contactArrivingWhileAnEligibleAgentIsAvailableIsOfferedWithoutEverBeingQueued() {
        desk.online("a1", skills("billing", 3));

        List<Decision> decisions = desk.arrive(request("c1", CHAT, 50, skills("billing", 2)));

        assertThat(Desk.only(Queued.class, decisions), is(empty()));
        assertThat(Desk.only(Offered.class, decisions), contains(desk.offered("c1", CHAT, "a1")));
        assertThat(desk.router.stats().waiting(), is(0));
    }

    @Test
    void contactArrivingWhileTheOnlyEligibleAgentIsAwayIsQueued() {
        desk.register("a1", skills("billing", 3));
        desk.connect("a1");

        assertThat(desk.arrive(request("c1", CHAT, 50, skills("billing", 2))), contains(new Queued("c1", CHAT)));
    }

    @Test
    void contactArrivingWithNoAgentsAtAllIsQueued() {
        assertThat(desk.arrive("c1", EMAIL), contains(new Queued("c1", EMAIL)));
        assertThat(desk.router.stats().waiting(), is(1));
    }

    @Test
    void agentWithZeroCapacityOnAChannelIsNeverOfferedThatChannel() {
        desk.online("a1", Map.of(), capacity(EMAIL, 0));

        assertThat(desk.arrive("e1", EMAIL), contains(new Queued("e1", EMAIL)));
        assertThat(Desk.only(Offered.class, desk.arrive("c1", CHAT)), contains(desk.offered("c1", CHAT, "a1")));
    }

    @Test
    void channelOmittedFromTheProfileHasCapacityOne() {
        desk.online("a1", Map.of(), capacity(CHAT, 3));

        assertThat(Desk.only(Offered.class, desk.arrive("e1", EMAIL)), contains(desk.offered("e1", EMAIL, "a1")));
        assertThat(desk.arrive("e2", EMAIL), contains(new Queued("e2", EMAIL)));
        assertThat(Desk.only(Offered.class, desk.arrive("c1", CHAT)), contains(desk.offered("c1", CHAT, "a1")));
    }

    @Test
    void agentReRegisteredWithANewSkillIsOfferedTheWaitingContactItNowQualifiesFor() {
        desk.online("a1", skills("billing", 2));
        desk.arrive(request("c1", VOICE, 50, skills("billing", 4)));

        List<Decision> decisions = desk.register("a1", skills("billing", 4));

        assertThat(Desk.only(Offered.class, decisions), contains(desk.offered("c1", VOICE, "a1")));
        assertThat(desk.view("a1").offeredContactIds(), equalTo(List.of("c1")));
    }
}
