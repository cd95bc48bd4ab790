package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Completed;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.Refused;
import io.welcomer.routing.Decision.Wrapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End stops the customer's touch time; the agent keeps the slot to wrap up until it completes. */
class WrapUpTest {

    private final Desk desk = new Desk();

    private void connected(String agentId, String contactId, Channel channel) {
        desk.arrive(contactId, channel);
        desk.accept(agentId, contactId);
    }

    @Test
    void endStopsTouchTimeAndCompleteMeasuresWrapUpApart() {
        desk.online("a");
        connected("a", "c1", VOICE);
        desk.advanceSeconds(120);

        assertThat(desk.end("a", "c1"), contains(new Wrapping("c1", VOICE, "a", Duration.ofSeconds(120))));
        desk.advanceSeconds(45);
        assertThat(Desk.only(Completed.class, desk.complete("a", "c1")), contains(new Completed("c1", VOICE, "a",
                Desk.RESOLVED, Duration.ofSeconds(120), Duration.ofSeconds(45))));
    }

    @Test
    void theAgentKeepsItsSlotWhileWrappingUp() {
        desk.online("a");
        connected("a", "c1", VOICE);
        desk.end("a", "c1");

        assertThat(desk.arrive("c2", VOICE), contains(new Decision.Queued("c2", VOICE)));
        assertThat(desk.presence("a"), is(Presence.BUSY));
        assertThat(desk.view("a").wrappingContactIds(), contains("c1"));
        assertThat(Desk.only(Offered.class, desk.complete("a", "c1")), contains(desk.offered("c2", VOICE, "a")));
    }

    @Test
    void completeStraightFromConnectedEndsAndCompletesAtOnce() {
        desk.online("a");
        connected("a", "c1", VOICE);
        desk.advanceSeconds(30);

        assertThat(Desk.only(Completed.class, desk.complete("a", "c1")), contains(new Completed("c1", VOICE, "a",
                Desk.RESOLVED, Duration.ofSeconds(30), Duration.ZERO)));
    }

    @Test
    void aContactEndsOnceAndOnlyItsOwnerEndsIt() {
        desk.online("a");
        desk.online("b");
        connected("a", "c1", VOICE);

        assertThat(desk.end("b", "c1"), contains(new Refused(Refusal.NOT_YOUR_CONTACT)));
        desk.end("a", "c1");
        assertThat(desk.end("a", "c1"), contains(new Refused(Refusal.NOT_YOUR_CONTACT)));
    }

    @Test
    void theCustomerLeavingDuringWrapUpChangesNothing() {
        desk.online("a");
        connected("a", "c1", VOICE);
        desk.end("a", "c1");

        assertThat(desk.leave("c1"), is(empty()));
        assertThat(desk.view("a").wrappingContactIds(), contains("c1"));
    }

    @Test
    void pastTheChannelsWrapUpLimitTheContactCompletesForTheAgent() {
        Desk limited = new Desk(RoutingRules.defaults().withWrapUpLimits(Map.of(CHAT, Duration.ofSeconds(60))));
        limited.online("a");
        limited.arrive("c1", CHAT);
        limited.accept("a", "c1");
        limited.advanceSeconds(10);
        limited.end("a", "c1");

        assertThat(limited.tickAfter(Duration.ofSeconds(59)), is(empty()));
        List<Completed> completed = Desk.only(Completed.class, limited.tickAfter(Duration.ofSeconds(1)));
        assertThat(completed, contains(new Completed("c1", CHAT, "a", new Outcome(false, Router.WRAP_UP_EXPIRED, null),
                Duration.ofSeconds(10), Duration.ofSeconds(60))));
        assertThat(limited.presence("a"), is(Presence.AVAILABLE));
    }

    @Test
    void aChannelWithoutALimitWrapsUpAsLongAsTheAgentNeeds() {
        Desk limited = new Desk(RoutingRules.defaults().withWrapUpLimits(Map.of(CHAT, Duration.ofSeconds(60))));
        limited.online("a");
        limited.arrive("v1", VOICE);
        limited.accept("a", "v1");
        limited.end("a", "v1");

        assertThat(limited.tickAfter(Duration.ofHours(2)), is(empty()));
        assertThat(limited.view("a").wrappingContactIds(), contains("v1"));
    }

    @Test
    void aWrappingContactWhoseAgentNeverReturnsCompletesUnresolved() {
        desk.online("a");
        connected("a", "c1", VOICE);
        desk.advanceSeconds(20);
        desk.end("a", "c1");
        desk.disconnect("a");

        List<Completed> completed = Desk.only(Completed.class, desk.tickAfter(desk.rules.reconnectGrace()));
        assertThat(completed, contains(new Completed("c1", VOICE, "a", new Outcome(false, Router.AGENT_LOST, null),
                Duration.ofSeconds(20), desk.rules.reconnectGrace())));
    }
}
