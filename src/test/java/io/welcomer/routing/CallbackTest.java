package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welcomer.routing.Decision.CallbackArranged;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.Refused;
import org.junit.jupiter.api.Test;

/** A waiting customer who hangs up to be called back keeps their exact place in line. */
class CallbackTest {

    private final Desk desk = new Desk();

    @Test
    void aCallbackKeepsItsPlaceAndIsCounted() {
        desk.arrive("first", VOICE);
        desk.arrive("second", VOICE);
        desk.arrive("third", VOICE);

        assertThat(desk.handle(new Command.RequestCallback("second", null)), contains(new CallbackArranged("second")));
        assertEquals(2, desk.position("second"));
        assertEquals(3, desk.position("third"));
        assertEquals(1, desk.router.stats().callbacksWaiting());
    }

    @Test
    void aCallbackIsOfferedInItsTurnAndThenNoLongerCountsAsWaiting() {
        desk.arrive("first", VOICE);
        desk.arrive("second", VOICE);
        desk.handle(new Command.RequestCallback("first", null));

        assertThat(Desk.only(Offered.class, desk.online("a1", skills())), contains(desk.offered("first", VOICE, "a1")));
        assertEquals(0, desk.router.stats().callbacksWaiting());
    }

    @Test
    void onlyAWaitingContactCanBeCalledBack() {
        desk.online("a1", skills());
        desk.arrive("offered", VOICE);

        assertThat(desk.handle(new Command.RequestCallback("offered", null)),
                contains(new Refused(Refusal.NOT_WAITING)));
        assertThat(desk.handle(new Command.RequestCallback("nobody", null)),
                contains(new Refused(Refusal.UNKNOWN_CONTACT)));
        assertEquals(0, desk.router.stats().callbacksWaiting());
    }

    @Test
    void aChatOrAnEmailHasNobodyOnHoldToCallBack() {
        desk.arrive("chat", Channel.CHAT);
        desk.arrive("email", Channel.EMAIL);

        assertThat(desk.handle(new Command.RequestCallback("chat", null)),
                contains(new Refused(Refusal.NO_CALLBACK_ON_CHANNEL)));
        assertThat(desk.handle(new Command.RequestCallback("email", null)),
                contains(new Refused(Refusal.NO_CALLBACK_ON_CHANNEL)));
        assertEquals(0, desk.router.stats().callbacksWaiting());
    }

    @Test
    void aRestartKeepsACallbackACallback() {
        desk.handle(new Command.RestoreContact(request("cb", VOICE), 7, desk.now(), ContactState.QUEUED, null, null, true));

        assertEquals(1, desk.router.stats().callbacksWaiting());
    }
}
