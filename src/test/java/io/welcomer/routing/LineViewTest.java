package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The lines a supervisor watches: one per channel and skill names, longest wait first. */
class LineViewTest {

    private final Desk desk = new Desk();

    @Test
    void eachLineCountsItsWaitingContactsCallbacksAndOldestArrival() {
        desk.arrive(request("billing-1", VOICE, 0, skills("billing", 3)));
        desk.advanceSeconds(30);
        desk.arrive("chat-1", CHAT);
        desk.advanceSeconds(10);
        // A higher priority jumps the line but does not make the line's wait any older.
        desk.arrive(request("billing-2", VOICE, 90, skills("billing", 1)));
        desk.handle(new Command.RequestCallback("billing-2", null));

        assertEquals(List.of(
                new LineView(null, VOICE, new TreeSet<>(List.of("billing")), 2, 1, Desk.START),
                new LineView(null, CHAT, new TreeSet<>(), 1, 0, Desk.START.plusSeconds(30))), desk.router.lines());
    }

    @Test
    void aLineLeavesTheViewWhenItsLastContactIsOffered() {
        desk.arrive("voice-1", VOICE);
        desk.online("a1");

        assertEquals(List.of(), desk.router.lines());
    }
}
