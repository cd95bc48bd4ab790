package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.FollowUpDue;
import io.welcomer.routing.Decision.FollowUpScheduled;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "I'll call you back at 10": the follow-up is offered to the agent who promised it, then to anyone. */
class FollowUpTest {

    private static final Duration GRACE = RoutingRules.defaults().followUpGrace();

    private final Desk desk = new Desk();

    private Instant promisedFor() {
        return desk.now().plus(Duration.ofHours(1));
    }

    private FollowUp promise(String agentId) {
        desk.arrive("c1", VOICE);
        desk.accept(agentId, "c1");
        List<FollowUpScheduled> scheduled = Desk.only(FollowUpScheduled.class,
                desk.followUp(agentId, "c1", "f1", promisedFor()));
        desk.complete(agentId, "c1");
        return scheduled.getFirst().followUp();
    }

    @Test
    void theFollowUpIsForTheSameCustomerAndListedForItsAgentUntilDue() {
        desk.online("a");
        FollowUp followUp = promise("a");

        assertThat(followUp, is(new FollowUp("f1", "a", "c1",
                new ContactRequest("f1", VOICE, "customer-c1", java.util.Map.of(), 50), followUp.at())));
        assertThat(desk.view("a").followUps(), contains(followUp));
    }

    @Test
    void atItsTimeItIsOfferedToTheAgentWhoPromisedIt() {
        desk.online("a");
        desk.online("b");
        FollowUp followUp = promise("a");
        desk.advanceSeconds(3);

        List<Decision> due = desk.tickAfter(Duration.between(desk.now(), followUp.at()));
        assertThat(due.getFirst(), is(new FollowUpDue(followUp)));
        assertThat(Desk.only(Offered.class, due), contains(desk.offered("f1", VOICE, "a")));
        assertThat(desk.view("a").followUps(), is(empty()));
    }

    @Test
    void aFollowUpDueWhileItsAgentIsOnACallWaitsForThatAgent() {
        desk.online("a");
        desk.online("b");
        FollowUp followUp = promise("a");
        desk.clock.advance(Duration.between(desk.now(), followUp.at()).minusMinutes(1));
        desk.arrive("call", VOICE);
        desk.accept("a", "call");
        desk.arrive("other", VOICE);
        desk.accept("b", "other");
        desk.complete("b", "other");

        assertThat(Desk.only(Offered.class, desk.tickAfter(Duration.ofMinutes(1))), is(empty()));
        assertThat(desk.view("b").offeredContactIds(), is(empty()));
        assertThat(Desk.only(Offered.class, desk.complete("a", "call")), contains(desk.offered("f1", VOICE, "a")));
    }

    @Test
    void pastTheGraceAnyoneEligibleMayTakeIt() {
        desk.online("a");
        desk.online("b");
        FollowUp followUp = promise("a");
        desk.away("a", "lunch");
        desk.tickAfter(Duration.between(desk.now(), followUp.at()));

        assertThat(desk.tickAfter(GRACE.minusSeconds(1)), is(empty()));
        assertThat(Desk.only(Offered.class, desk.tickAfter(Duration.ofSeconds(1))),
                contains(desk.offered("f1", VOICE, "b")));
    }

    @Test
    void aFollowUpRejectedByItsAgentIsNotGivenToAnotherAgentDuringTheGrace() {
        desk.online("a");
        desk.online("b");
        FollowUp followUp = promise("a");
        desk.tickAfter(Duration.between(desk.now(), followUp.at()));

        desk.reject("a", "f1");
        assertThat(desk.view("b").offeredContactIds(), is(empty()));
        assertThat("nothing else waits for a, so the promise comes back to it",
                desk.view("a").offeredContactIds(), contains("f1"));
    }

    @Test
    void aFollowUpPromisedBeforeARestartIsKept() {
        desk.online("a");
        FollowUp followUp = promise("a");

        Desk restarted = new Desk();
        restarted.clock.advance(Duration.between(restarted.now(), desk.now()));
        restarted.online("a");
        restarted.handle(new Command.RestoreFollowUp(followUp));
        assertThat(restarted.view("a").followUps(), contains(followUp));
        assertThat(Desk.only(Offered.class, restarted.tickAfter(Duration.between(restarted.now(), followUp.at()))),
                contains(restarted.offered("f1", VOICE, "a")));
    }

    @Test
    void aTimeInThePastOrMoreThanThirtyDaysAheadIsRefused() {
        desk.online("a");
        desk.arrive("c1", VOICE);
        desk.accept("a", "c1");

        assertThat(desk.followUp("a", "c1", "f1", desk.now()), contains(new Refused(Refusal.FOLLOW_UP_TIME)));
        assertThat(desk.followUp("a", "c1", "f1", desk.now().plus(Duration.ofDays(30)).plusSeconds(1)),
                contains(new Refused(Refusal.FOLLOW_UP_TIME)));
        assertThat(desk.followUp("a", "c1", "f1", desk.now().plus(Duration.ofDays(30))),
                hasItem(org.hamcrest.Matchers.instanceOf(FollowUpScheduled.class)));
    }

    @Test
    void onlyTheAgentHoldingTheContactMayPromiseAFollowUp() {
        desk.online("a");
        desk.online("b");
        desk.arrive("c1", VOICE);
        desk.accept("a", "c1");

        assertThat(desk.followUp("b", "c1", "f1", promisedFor()), contains(new Refused(Refusal.NOT_YOUR_CONTACT)));
    }
}
