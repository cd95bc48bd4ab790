package io.welcomer.lines;

import io.smallrye.mutiny.Uni;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.Line;
import io.welcomer.routing.LineStatus;
import io.welcomer.security.Caller;
import io.welcomer.store.AuditEntry;
import io.welcomer.store.LineEntity;
import io.welcomer.switchboard.Board;
import io.welcomer.switchboard.LineDocuments;
import io.welcomer.switchboard.RoutingLoop;
import io.welcomer.switchboard.RoutingRefused;
import io.welcomer.switchboard.Write;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configured lines: what admins create, replace, list and remove. The routing core holds them;
 * each change is stored, with its audit entry, in the same commit as the command that makes it.
 */
@ApplicationScoped
public class LineDirectory {

    private final RoutingLoop loop;

    LineDirectory(RoutingLoop loop) {
        this.loop = loop;
    }

    /**
     * Configures the line (new or replaced), audited as done {@code by} this caller, and answers
     * whether it was new, once stored. Fails with {@link RoutingRefused} (nothing stored) if the
     * router refuses it: an overflow step names an unknown line, or leads back to this one.
     */
    public Uni<Boolean> save(Line line, Caller by) {
        return loop.onLoop(board -> {
            boolean created = board.line(line.id()).isEmpty();
            LineEntity row = new LineEntity();
            row.id = line.id();
            row.definition = LineDocuments.write(line);
            row.updatedAt = loop.clock().instant();
            return settleUnlessRefused(board, new Command.ConfigureLine(line), List.of(new Write.SaveLine(row),
                    audit(by, created ? "line.created" : "line.replaced", line.id(), LineDocuments.asMap(line))))
                    .map(ignored -> created);
        });
    }

    /**
     * Removes the line, audited, once stored; fails with {@link RoutingRefused} if unknown, not
     * empty, or overflowed into.
     */
    public Uni<Void> remove(String lineId, Caller by) {
        return loop.onLoop(board -> settleUnlessRefused(board, new Command.RemoveLine(lineId),
                List.of(new Write.DeleteLine(lineId), audit(by, "line.deleted", lineId, Map.of()))));
    }

    public Uni<List<LineStatus>> all() {
        return loop.onLoop(board -> !loop.leading() ? Uni.createFrom().failure(loop.standingBy())
                : Uni.createFrom().item(board.configuredLines()));
    }

    public Uni<Optional<LineStatus>> find(String lineId) {
        return loop.onLoop(board -> !loop.leading() ? Uni.createFrom().failure(loop.standingBy())
                : Uni.createFrom().item(board.line(lineId)));
    }

    private Write.Audit audit(Caller by, String action, String lineId, Map<String, ?> detail) {
        return new Write.Audit(AuditEntry.of(by.name(), by.role(), action, lineId, detail, loop.clock().instant()));
    }

    /** Decides; refused, nothing is stored; else the change and its rows go into one commit. */
    private Uni<Void> settleUnlessRefused(Board board, Command command, List<Write> writes) {
        List<Decision> decisions = board.decide(command);
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Refused refused) {
                return Uni.createFrom().failure(new RoutingRefused(refused.refusal()));
            }
        }
        return board.settle(command, decisions, null, writes).replaceWithVoid();
    }
}
