package io.welcomer.contacts;

import io.smallrye.mutiny.Uni;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.MoveTarget;
import io.welcomer.security.Caller;
import io.welcomer.store.AuditEntry;
import io.welcomer.store.Contact;
import io.welcomer.switchboard.Decisions;
import io.welcomer.switchboard.RoutingLoop;
import io.welcomer.switchboard.Write;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a supervisor does to a waiting contact: moves it to an agent or a line, or changes its
 * priority. Each is a routing command, stored with its audit entry in one commit; the agent, the
 * gateway and the floor are told by the listeners once it is stored. A refused action changes
 * nothing and is answered as a problem: 409 the wrong state (an ended contact too; the resource
 * answers 404 for one never stored), 422 a target that cannot take the contact.
 */
@ApplicationScoped
public class ContactActions {

    private final RoutingLoop loop;
    private final Intake intake;

    ContactActions(RoutingLoop loop, Intake intake) {
        this.loop = loop;
        this.intake = intake;
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

    private Uni<Intake.Standing> onContact(String contactId, Command command, Caller by, String action,
                                           Function<Contact, Map<String, ?>> detail) {
        return loop.onLoop(board -> {
            Contact before = board.contact(contactId);
            List<Decision> decisions = board.decide(command);
            Decisions.refusalIn(decisions).ifPresent(refusal -> {
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
                    default -> ProblemException.conflict(refusal.message());
                };
            });
            Write audit = new Write.Audit(AuditEntry.of(by.name(), by.role(), action, contactId, detail.apply(before),
                    loop.clock().instant()));
            return board.settle(command, decisions, null, List.of(audit));
        }).chain(committed -> intake.standing(contactId)).map(Optional::orElseThrow);
    }
}
