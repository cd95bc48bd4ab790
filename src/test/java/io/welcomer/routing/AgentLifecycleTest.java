package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Command.RemoveAgent;
import io.welcomer.routing.Decision.OfferRevoked;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Refused;
import io.welcomer.routing.Decision.Requeued;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents deleted, re-registered and reconnected. */
class AgentLifecycleTest {

    private final Desk desk = new Desk(RoutingRules.defaults());

    private List<Decision> remove(String agentId) {
        return desk.handle(new RemoveAgent(agentId));
    }

    @Test
    void removingAnAgentRevokesItsOffersAndReRoutesThemAtOnce() {
        desk.online("a1");
        desk.advanceSeconds(1);
        desk.online("a2");
        desk.arrive("c1", VOICE);

        assertThat(remove("a1"), contains(
                new PresenceChanged("a1", Presence.OFFLINE, "removed"),
                new OfferRevoked("c1", "a1", RevokeReason.AGENT_GONE),
                new Requeued("c1", VOICE, "a1"),
                desk.offered("c1", VOICE, "a2"),
                new PresenceChanged("a2", Presence.BUSY, null)));
    }

    @Test
    void removingAnAgentRequeuesItsConnectedContactsInTheirPlace() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");
        desk.arrive("c2", VOICE);

        assertThat(Desk.only(Requeued.class, remove("a1")), contains(new Requeued("c1", VOICE, "a1")));
        assertThat(desk.position("c1"), is(1));
        assertThat(desk.position("c2"), is(2));
    }

    @Test
    void removedAgentIsUnknownAndUncounted() {
        desk.online("a1");
        desk.register("a2", Map.of());

        remove("a1");

        assertThat(desk.router.agent("a1").isPresent(), is(false));
        assertThat(desk.connect("a1"), contains(new Refused(Refusal.UNKNOWN_AGENT)));
        assertThat(remove("a1"), contains(new Refused(Refusal.UNKNOWN_AGENT)));
        assertThat(desk.router.stats().agentsByPresence(), equalTo(Map.of(Presence.OFFLINE, 1, Presence.AWAY, 0,
                Presence.AVAILABLE, 0, Presence.BUSY, 0)));
    }

    @Test
    void removingAnOfflineAgentReportsNoPresenceChange() {
        desk.register("a1", Map.of());

        assertThat(remove("a1"), is(empty()));
    }

    @Test
    void connectingAgainWhileConnectedStartsTheNewSessionAway() {
        desk.online("a1");

        assertThat(desk.connect("a1"), contains(new PresenceChanged("a1", Presence.AWAY, null)));
        assertThat(desk.arrive("c1", CHAT), contains(new Decision.Queued("c1", CHAT)));
    }

    @Test
    void reRegisteringAProfileKeepsTheAgentsSessionAndContacts() {
        desk.online("a1", Map.of(), Desk.capacity(CHAT, 2));
        desk.arrive("c1", CHAT);
        desk.accept("a1", "c1");

        List<Decision> decisions = desk.register("a1", Map.of("billing", 3), Desk.capacity(CHAT, 2));

        assertThat(decisions, is(empty()));
        assertThat(desk.presence("a1"), is(Presence.BUSY));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
        assertThat(Desk.only(Offered.class, desk.arrive("c2", CHAT)), contains(desk.offered("c2", CHAT, "a1")));
    }

    /**
     * a1 drops with a connected contact (a grace deadline for that session), is deleted and created
     * again under the same id; its old customer has hung up meanwhile. The new a1 connects and
     * drops too: the old deadline must not be taken for its own and cut its grace short.
     */
    @Test
    void graceOfADeletedAgentDoesNotCutShortTheGraceOfANewAgentWithTheSameId() {
        desk.online("a1");
        desk.arrive("old", VOICE);
        desk.accept("a1", "old");
        desk.disconnect("a1");
        remove("a1");
        desk.leave("old");
        desk.advanceSeconds(10);
        desk.online("a1");
        desk.arrive("new", VOICE);
        desk.accept("a1", "new");
        desk.disconnect("a1");

        assertThat(desk.tickAfter(Duration.ofSeconds(20)), is(empty()));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("new")));
        assertThat(Desk.only(Requeued.class, desk.tickAfter(Duration.ofSeconds(10))),
                contains(new Requeued("new", VOICE, "a1", Duration.ofSeconds(30))));
    }
}
