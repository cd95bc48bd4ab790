package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welcomer.routing.Decision.Offered;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After relax-after a waiting contact's minimum proficiencies drop to 1; the skills stay required. */
class RelaxTest {

    private static final Duration RELAX_AFTER = RoutingRules.defaults().relaxAfter();

    private final Desk desk = new Desk();

    @Test
    void aContactThatWaitedLongEnoughIsOfferedToALessProficientAgent() {
        desk.online("junior", skills("billing", 2));
        desk.arrive(request("hard", VOICE, 50, skills("billing", 4)));

        assertThat(desk.tickAfter(RELAX_AFTER.minusSeconds(1)), empty());
        assertThat(Desk.only(Offered.class, desk.tickAfter(Duration.ofSeconds(1))),
                contains(desk.offered("hard", VOICE, "junior")));
    }

    @Test
    void theSkillItselfStaysRequired() {
        desk.online("spanish-only", skills("spanish", 5));
        desk.arrive(request("hard", VOICE, 50, skills("billing", 4)));

        assertThat(Desk.only(Offered.class, desk.tickAfter(RELAX_AFTER.multipliedBy(10))), empty());
        assertEquals(1, desk.position("hard"));
    }

    @Test
    void aRelaxedContactGoesToALessProficientAgentWhoFreesUpLater() {
        desk.arrive(request("hard", VOICE, 50, skills("billing", 4)));
        desk.tickAfter(RELAX_AFTER);

        assertThat(Desk.only(Offered.class, desk.online("junior", skills("billing", 1))),
                contains(desk.offered("hard", VOICE, "junior")));
    }

    @Test
    void theRouterAsksToBeWokenWhenAContactRelaxes() {
        desk.arrive(request("hard", VOICE, 50, skills("billing", 4)));
        assertEquals(Optional.of(desk.now().plus(RELAX_AFTER)), desk.router.nextDeadline());
    }

    @Test
    void aContactRestoredAfterItsRelaxTimeIsRelaxedAtOnce() {
        desk.handle(new Command.RestoreContact(request("old", VOICE, 50, skills("billing", 4)), 1,
                desk.now().minus(RELAX_AFTER), ContactState.QUEUED, null, null, false));

        assertThat(Desk.only(Offered.class, desk.online("junior", skills("billing", 1))),
                contains(desk.offered("old", VOICE, "junior")));
    }
}
