package io.welcomer.routing;

import io.welcomer.routing.Command.AcceptOffer;
import io.welcomer.routing.Command.ArriveContact;
import io.welcomer.routing.Command.CompleteContact;
import io.welcomer.routing.Command.ConnectAgent;
import io.welcomer.routing.Command.CustomerLeave;
import io.welcomer.routing.Command.DisconnectAgent;
import io.welcomer.routing.Command.MakeAvailable;
import io.welcomer.routing.Command.RegisterAgent;
import io.welcomer.routing.Command.RejectOffer;
import io.welcomer.routing.Command.StepAway;
import io.welcomer.routing.Command.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A router on a virtual clock, with short verbs for the commands tests send. */
final class Desk {

    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    static final Outcome RESOLVED = new Outcome(true, "resolved", "");

    final VirtualClock clock = new VirtualClock(START);
    final RoutingRules rules;
    final Router router;

    Desk() {
        this(RoutingRules.defaults());
    }

    Desk(RoutingRules rules) {
        this.rules = rules;
        this.router = new Router(rules, clock);
    }

    // --- builders ---

    /** Skill map from pairs: {@code skills("billing", 3, "spanish", 2)}. */
    static Map<String, Integer> skills(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    static Map<Channel, Integer> capacity(Object... pairs) {
        Map<Channel, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Channel) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    static ContactRequest request(String id, Channel channel) {
        return request(id, channel, 50, Map.of());
    }

    static ContactRequest request(String id, Channel channel, int priority) {
        return request(id, channel, priority, Map.of());
    }

    static ContactRequest request(String id, Channel channel, int priority, Map<String, Integer> skills) {
        return new ContactRequest(id, channel, "customer-" + id, skills, priority);
    }

    /** A contact in a configured line, asking nothing of its own. */
    static ContactRequest inLine(String id, Channel channel, String lineId) {
        return new ContactRequest(id, channel, "customer-" + id, Map.of(), 50, null, false, lineId);
    }

    /** A line on voice and chat, asking for these skills, with these hours (null: always open). */
    static Line line(String id, Map<String, Integer> skills, OpeningHours hours) {
        return new Line(id, id, Set.of(Channel.VOICE, Channel.CHAT), skills, null, false, hours, null, List.of());
    }

    // --- commands ---

    List<Decision> handle(Command command) {
        return router.handle(command);
    }

    List<Decision> register(String agentId, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
        return handle(new RegisterAgent(new AgentProfile(agentId, skills, capacity)));
    }

    List<Decision> register(String agentId, Map<String, Integer> skills) {
        return register(agentId, skills, Map.of());
    }

    List<Decision> connect(String agentId) {
        return handle(new ConnectAgent(agentId));
    }

    List<Decision> disconnect(String agentId) {
        return handle(new DisconnectAgent(agentId));
    }

    List<Decision> available(String agentId) {
        return handle(new MakeAvailable(agentId));
    }

    List<Decision> away(String agentId, String reason) {
        return handle(new StepAway(agentId, reason));
    }

    /** Registers, connects and makes the agent available; returns what becoming available decided. */
    List<Decision> online(String agentId, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
        register(agentId, skills, capacity);
        connect(agentId);
        return available(agentId);
    }

    List<Decision> online(String agentId, Map<String, Integer> skills) {
        return online(agentId, skills, Map.of());
    }

    List<Decision> online(String agentId) {
        return online(agentId, Map.of(), Map.of());
    }

    List<Decision> arrive(ContactRequest request) {
        return handle(new ArriveContact(request));
    }

    List<Decision> arrive(String contactId, Channel channel) {
        return arrive(request(contactId, channel));
    }

    List<Decision> accept(String agentId, String contactId) {
        return handle(new AcceptOffer(agentId, contactId));
    }

    List<Decision> reject(String agentId, String contactId) {
        return handle(new RejectOffer(agentId, contactId));
    }

    List<Decision> complete(String agentId, String contactId) {
        return handle(new CompleteContact(agentId, contactId, RESOLVED));
    }

    List<Decision> end(String agentId, String contactId) {
        return handle(new Command.EndContact(agentId, contactId));
    }

    List<Decision> awayAfterCurrent(String agentId, String reason) {
        return handle(new StepAway(agentId, reason, true));
    }

    List<Decision> warmTransfer(String agentId, String contactId, String toAgentId) {
        return handle(new Command.TransferContact(agentId, contactId, new TransferTarget.ToAgent(toAgentId), "note"));
    }

    List<Decision> coldTransfer(String agentId, String contactId, Map<String, Integer> skills, String language) {
        return handle(new Command.TransferContact(agentId, contactId, new TransferTarget.ToLine(skills, language),
                "note"));
    }

    List<Decision> followUp(String agentId, String contactId, String followUpId, Instant at) {
        return handle(new Command.ScheduleFollowUp(agentId, contactId, followUpId, at, null, null));
    }

    List<Decision> sendAway(String agentId, String reason, boolean afterCurrent, String by) {
        return handle(new Command.SendAway(agentId, reason, afterCurrent, by));
    }

    List<Decision> signOut(String agentId, String by) {
        return handle(new Command.SignOut(agentId, by));
    }

    List<Decision> move(String contactId, String toAgentId, String by) {
        return handle(new Command.MoveContact(contactId, new MoveTarget.ToAgent(toAgentId), by));
    }

    List<Decision> moveToLine(String contactId, String lineId, String by) {
        return handle(new Command.MoveContact(contactId, new MoveTarget.ToLine(lineId), by));
    }

    List<Decision> changePriority(String contactId, int priority, String by) {
        return handle(new Command.ChangePriority(contactId, priority, by));
    }

    List<Decision> configure(Line line) {
        return handle(new Command.ConfigureLine(line));
    }

    List<Decision> removeLine(String lineId) {
        return handle(new Command.RemoveLine(lineId));
    }

    /** Moves the clock to {@code at} and ticks, as the shell does at each deadline. */
    List<Decision> tickAt(Instant at) {
        clock.advanceTo(at);
        return tick();
    }

    List<Decision> leave(String contactId) {
        return handle(new CustomerLeave(contactId));
    }

    List<Decision> tick() {
        return handle(new Tick());
    }

    List<Decision> tickAfter(Duration duration) {
        clock.advance(duration);
        return tick();
    }

    void advanceSeconds(long seconds) {
        clock.advanceSeconds(seconds);
    }

    // --- looking ---

    Instant now() {
        return clock.instant();
    }

    /** When an offer made now expires. */
    Instant expiry() {
        return now().plus(rules.offerTimeout());
    }

    Decision.Offered offered(String contactId, Channel channel, String agentId) {
        return new Decision.Offered(contactId, channel, agentId, expiry());
    }

    AgentView view(String agentId) {
        return router.agent(agentId).orElseThrow(() -> new AssertionError("no agent " + agentId));
    }

    Presence presence(String agentId) {
        return view(agentId).presence();
    }

    /** The contact's 1-based position in line, or 0 when it is not waiting. */
    int position(String contactId) {
        return router.waiting(contactId).map(WaitingView::position).orElse(0);
    }

    static <T extends Decision> List<T> only(Class<T> type, List<Decision> decisions) {
        return decisions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
