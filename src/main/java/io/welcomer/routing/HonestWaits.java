package io.welcomer.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a waiting contact is told: its position, whether its line is open and until when, whether
 * anyone could serve it, and a wait estimate only where there is an honest one. Closed: no
 * estimate, the opening instead. Nobody signed in who could serve it: no estimate. The estimate
 * counts only signed-in agents who could serve it, and its line's open time; past the closing it
 * says the wait will likely not end before then. An overflowed contact is told its place among
 * everyone ahead of it for the agents it may now go to, and the stated prior over those agents.
 */
final class HonestWaits {

    private final Router router;
    private final WaitEstimator waits;

    HonestWaits(Router router, WaitEstimator waits) {
        this.router = router;
        this.waits = waits;
    }

    WaitingView of(RoutedContact contact) {
        Instant now = router.now();
        LineState line = contact.line;
        boolean open = Matching.offerable(contact);
        Instant opensAt = open ? null : line.changesAt;
        Instant closesAt = open && line != null ? line.changesAt : null;
        boolean overflowed = !contact.reached.isEmpty() && open;
        Coverage.Count who = overflowed ? widest(contact) : router.roster.couldServe(Coverage.Need.of(contact.request));
        boolean staffed = who.signedIn > 0;
        if (contact.reservedFor != null) {
            // A due follow-up waits for its own agent alone: first for it, and when is that agent's to say.
            return new WaitingView(1, null, open, opensAt, closesAt, staffed, who.registered > 0, null);
        }
        int position = router.queue.position(contact);
        Long estimate = null;
        Boolean beforeClose = null;
        if (open && staffed) {
            estimate = overflowed ? waits.priorSeconds(contact.channel(), position, who.signedInSlots)
                    : waits.estimateSeconds(contact.queue, position, now, () -> who.signedInSlots);
            if (closesAt != null) {
                beforeClose = !now.plusSeconds(estimate).isAfter(closesAt);
            }
        }
        return new WaitingView(position, estimate, open, opensAt, closesAt, staffed, who.registered > 0, beforeClose);
    }

    /**
     * The agents an overflowed contact may go to now: those of its own needs and of every step it
     * reached, each agent once. Counted over the agents, for the few contacts that overflowed.
     */
    private Coverage.Count widest(RoutedContact contact) {
        String language = contact.request.languageRequired() ? contact.request.primaryLanguage() : null;
        List<Coverage.Need> needs = new ArrayList<>();
        needs.add(Coverage.Need.of(contact.request));
        contact.reached.forEach(step -> needs.add(
                new Coverage.Need(Set.of(contact.channel()), step.needs().keySet(), language)));
        Coverage.Count count = new Coverage.Count();
        for (RoutedAgent agent : router.roster.all()) {
            if (needs.stream().anyMatch(need -> need.servedBy(agent.profile))) {
                count.add(needs.getFirst(), agent.profile, agent.connected, 1);
            }
        }
        return count;
    }
}
