package io.welcomer.floor;

import io.smallrye.mutiny.Uni;
import io.welcomer.agents.AgentDirectory;
import io.welcomer.audit.AuditEntry;
import io.welcomer.contacts.Intake;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.MoveTarget;
import io.welcomer.routing.Refusal;
import io.welcomer.security.Caller;
import io.welcomer.store.Contact;
import io.welcomer.switchboard.RoutingLoop;
import io.welcomer.switchboard.Write;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a supervisor does on the floor: sets an agent away or signs it out, moves a contact or
 * changes its priority. Each is a routing command, stored with its audit entry in one commit; the
 * agent, the gateway and the floor are told by the listeners once it is stored. A refused action
 * changes nothing and is answered as a problem: 404 an unknown agent, 409 the wrong state (an
 * ended contact too; the resource answers 404 for one never stored), 422 a target that cannot
 * take the contact.
 */
@ApplicationScoped
public class FloorActions {

    private final RoutingLoop loop;
    private final AgentDirectory directory;
    private final Intake intake;

    FloorActions(RoutingLoop loop, AgentDirectory directory, Intake intake) {
        this.loop = loop;
        this.directory = directory;
        this.intake = intake;
    }

    /** The agent is away now, or after its current contacts, as if it had said so. */
    public Uni<AgentDirectory.AgentCard> sendAway(String agentId, String reason, boolean afterCurrent, Caller by) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("presence", "AWAY");
        detail.put("reason", reason);
        detail.put("afterCurrent", afterCurrent);
        return onAgent(agentId, new Command.SendAway(agentId, reason, afterCurrent, by.name()), by,
                "agent.presence-set", detail);
    }

    /** The agent's session ends (closed with 1000); its offers go back to the line; its profile stays. */
    public Uni<AgentDirectory.AgentCard> signOut(String agentId, Caller by) {
        return onAgent(agentId, new Command.SignOut(agentId, by.name()), by, "agent.signed-out", Map.of());
    }

    /**
     * The contact goes to this agent (offered now if it has room, else it waits for it) or to this
     * line (it then needs what the line asks); it keeps its arrival.
     */
    public Uni<Intake.Standing> move(String contactId, MoveTarget to, Caller by) {
        return onContact(contactId, new Command.MoveContact(contactId, to, by.name()), by, "contact.moved", contact -> {
            Map<String, Object> detail = new HashMap<>();
            detail.put("to", switch (to) {
                case MoveTarget.ToAgent agent -> Map.of("agentId", agent.agentId());
                case MoveTarget.ToLine line -> Map.of("line", line.lineId());
            });
            detail.put("from", contact.progress().agentId());
            detail.put("state", contact.state().name());
            return detail;
        });
    }

    /** The waiting contact takes this priority (0-100). */
    public Uni<Intake.Standing> changePriority(String contactId, int priority, Caller by) {
        return onContact(contactId, new Command.ChangePriority(contactId, priority, by.name()), by,
                "contact.priority-changed", contact -> Map.of("from", contact.arrival().priority(), "to", priority));
    }

    private Uni<AgentDirectory.AgentCard> onAgent(String agentId, Command command, Caller by, String action,
                                                  Map<String, ?> detail) {
        return loop.onLoop(() -> {
            List<Decision> decisions = loop.decide(command);
            refusalIn(decisions).ifPresent(refusal -> {
                throw switch (refusal) {
                    case UNKNOWN_AGENT -> ProblemException.notFound("no agent " + agentId);
                    case NOT_CONNECTED -> ProblemException.conflict("agent " + agentId + " is OFFLINE: not signed in");
                    case UNKNOWN_REASON -> ProblemException.invalidField("reason", "must be one of the configured away"
                            + " reasons (welcomer.away-reasons)");
                    default -> unexpected(refusal);
                };
            });
            return loop.settle(command, decisions, null, List.of(audit(by, action, agentId, detail)));
        }).chain(committed -> directory.find(agentId)).map(Optional::orElseThrow);
    }

    private Uni<Intake.Standing> onContact(String contactId, Command command, Caller by, String action,
                                           Function<Contact, Map<String, ?>> detail) {
        return loop.onLoop(() -> {
            Contact before = loop.contact(contactId);
            List<Decision> decisions = loop.decide(command);
            refusalIn(decisions).ifPresent(refusal -> {
                throw switch (refusal) {
                    case UNKNOWN_CONTACT -> ProblemException.conflict("contact " + contactId + " has ended");
                    case NOT_WAITING -> ProblemException.conflict("contact " + contactId + " is " + before.state()
                            + (command instanceof Command.MoveContact ? "; only a QUEUED or OFFERED contact can be moved"
                                    : "; only a QUEUED contact's priority can be changed"));
                    case UNKNOWN_TARGET -> ProblemException.unprocessable("to.agentId", "names no agent");
                    case TARGET_CANNOT_TAKE_CHANNEL -> ProblemException.unprocessable("to.agentId",
                            "names an agent who takes no " + before.arrival().channel() + " contacts");
                    case UNKNOWN_LINE -> ProblemException.unprocessable("to.line", "names no line");
                    case CHANNEL_NOT_TAKEN -> ProblemException.unprocessable("to.line",
                            "names a line that takes no " + before.arrival().channel() + " contacts");
                    default -> unexpected(refusal);
                };
            });
            return loop.settle(command, decisions, null, List.of(audit(by, action, contactId, detail.apply(before))));
        }).chain(committed -> intake.standing(contactId)).map(Optional::orElseThrow);
    }

    private Write.Audit audit(Caller by, String action, String target, Map<String, ?> detail) {
        return new Write.Audit(AuditEntry.of(by, action, target, detail, loop.clock().instant()));
    }

    private static Optional<Refusal> refusalIn(List<Decision> decisions) {
        return decisions.stream().filter(Decision.Refused.class::isInstance)
                .map(refused -> ((Decision.Refused) refused).refusal()).findFirst();
    }

    private static ProblemException unexpected(Refusal refusal) {
        return new ProblemException(Response.Status.CONFLICT, refusal.message());
    }
}
