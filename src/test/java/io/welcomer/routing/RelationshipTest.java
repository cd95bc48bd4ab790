package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import io.welcomer.routing.Decision.Offered;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A returning customer goes to the agent who helped them last, when that agent is free. */
class RelationshipTest {

    private static final Map<String, Integer> BILLING = skills("billing", 1);

    private final Desk desk = new Desk();

    @Test
    void returningCustomerGoesToTheAgentWhoHelpedLastOverABetterSkilledOne() {
        desk.online("novice", skills("billing", 1));
        servedBy("novice", "first");
        desk.online("expert", skills("billing", 5));

        assertThat(Desk.only(Offered.class, desk.arrive(visit("second"))),
                contains(desk.offered("second", VOICE, "novice")));
    }

    @Test
    void whenThatAgentIsNotFreeTheCustomerGoesToTheBestFreeAgentAtOnce() {
        desk.online("novice", skills("billing", 1));
        servedBy("novice", "first");
        desk.online("expert", skills("billing", 5));
        desk.arrive(new ContactRequest("busy-maker", VOICE, "someone-else", BILLING, 50));
        desk.accept("expert", "busy-maker");
        desk.arrive(new ContactRequest("keeps-novice-busy", VOICE, "another", BILLING, 50));

        desk.online("backup", skills("billing", 2));
        assertThat(Desk.only(Offered.class, desk.arrive(visit("second"))),
                contains(desk.offered("second", VOICE, "backup")));
    }

    @Test
    void aRelationshipOlderThanTheRepeatWindowNoLongerCounts() {
        desk.online("novice", skills("billing", 1));
        servedBy("novice", "first");
        desk.online("expert", skills("billing", 5));
        desk.advanceSeconds(Duration.ofDays(7).toSeconds() + 1);

        assertThat(Desk.only(Offered.class, desk.arrive(visit("second"))),
                contains(desk.offered("second", VOICE, "expert")));
    }

    @Test
    void theLastAgentMustStillBeEligible() {
        desk.online("novice", skills("billing", 1));
        servedBy("novice", "first");
        desk.online("expert", skills("billing", 5));

        ContactRequest harder = new ContactRequest("second", VOICE, "sunil", skills("billing", 4), 50);
        assertThat(Desk.only(Offered.class, desk.arrive(harder)), contains(desk.offered("second", VOICE, "expert")));
    }

    @Test
    void aRestartRemembersWhoServedWhom() {
        desk.online("novice", skills("billing", 1));
        desk.online("expert", skills("billing", 5));
        desk.handle(new Command.RestoreRelationship("sunil", "novice", desk.now().minus(Duration.ofDays(1))));

        assertThat(Desk.only(Offered.class, desk.arrive(visit("second"))),
                contains(desk.offered("second", VOICE, "novice")));
    }

    /** The customer "sunil" is connected to the agent, who then completes the contact. */
    private void servedBy(String agentId, String contactId) {
        desk.arrive(visit(contactId));
        desk.accept(agentId, contactId);
        desk.complete(agentId, contactId);
    }

    private static ContactRequest visit(String contactId) {
        return new ContactRequest(contactId, VOICE, "sunil", BILLING, 50);
    }
}
