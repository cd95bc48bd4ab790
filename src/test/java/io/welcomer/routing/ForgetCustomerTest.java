package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Offered;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An erased customer is forgotten by routing: the next contact is routed as a stranger's. A
 * customer still being served, or promised a follow-up, is not forgotten.
 */
class ForgetCustomerTest {

    private static final Map<String, Integer> BILLING = skills("billing", 1);

    private final Desk desk = new Desk();

    @Test
    void aForgottenCustomerIsNoLongerSentToTheAgentWhoServedThem() {
        desk.online("novice", skills("billing", 1));
        servedBy("novice", "first");
        desk.online("expert", skills("billing", 5));

        assertThat(desk.handle(new Command.ForgetCustomer("sunil")), is(empty()));
        assertThat(Desk.only(Offered.class, desk.arrive(visit("second"))),
                contains(desk.offered("second", VOICE, "expert")));
    }

    @Test
    void aCustomerWithALiveContactIsNotForgottenAndKeepsTheirAgent() {
        desk.online("novice", skills("billing", 1));
        servedBy("novice", "first");
        desk.arrive(visit("second"));
        desk.accept("novice", "second");

        assertThat(desk.handle(new Command.ForgetCustomer("sunil")),
                contains(new Decision.Refused(Refusal.CUSTOMER_LIVE)));
        desk.complete("novice", "second");
        desk.online("expert", skills("billing", 5));
        assertThat(Desk.only(Offered.class, desk.arrive(visit("third"))),
                contains(desk.offered("third", VOICE, "novice")));
    }

    @Test
    void aCustomerWaitingInLineIsNotForgotten() {
        desk.arrive(visit("waiting"));

        assertThat(desk.handle(new Command.ForgetCustomer("sunil")),
                contains(new Decision.Refused(Refusal.CUSTOMER_LIVE)));
        assertThat(desk.handle(new Command.ForgetCustomer("someone-else")), is(empty()));
    }

    @Test
    void aCustomerPromisedAFollowUpIsNotForgottenUntilItIsDue() {
        desk.online("novice", skills("billing", 1));
        desk.arrive(visit("first"));
        desk.accept("novice", "first");
        desk.followUp("novice", "first", "later", desk.now().plus(Duration.ofHours(1)));
        desk.complete("novice", "first");

        assertThat(desk.handle(new Command.ForgetCustomer("sunil")),
                contains(new Decision.Refused(Refusal.CUSTOMER_LIVE)));
        desk.tickAfter(Duration.ofHours(1));
        desk.accept("novice", "later");
        desk.complete("novice", "later");
        assertThat(desk.handle(new Command.ForgetCustomer("sunil")), is(empty()));
    }

    private void servedBy(String agentId, String contactId) {
        desk.arrive(visit(contactId));
        desk.accept(agentId, contactId);
        desk.complete(agentId, contactId);
    }

    private static ContactRequest visit(String contactId) {
        return new ContactRequest(contactId, VOICE, "sunil", BILLING, 50);
    }
}
