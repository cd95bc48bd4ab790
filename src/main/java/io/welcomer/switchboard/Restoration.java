package io.welcomer.switchboard;

import io.smallrye.mutiny.Uni;
import io.welcomer.routing.Arrived;
import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.FollowUp;
import io.welcomer.routing.Line;
import io.welcomer.routing.Router;
import io.welcomer.store.Agent;
import io.welcomer.store.AgentEntity;
import io.welcomer.store.AgentToken;
import io.welcomer.store.AgentTokenEntity;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEntity;
import io.welcomer.store.FollowUpEntity;
import io.welcomer.store.LineEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads what the router needs to rebuild its state after a start or a crash, and hands it over. */
public final class Restoration {

    /**
     * @param newest     where and when the newest stored contact arrived; null when none is stored
     * @param waitsEnded the waits in configured lines that ended lately, oldest first
     */
    public record Snapshot(List<Agent> agents, List<AgentToken> tokens, List<Line> lines,
                           List<Contact> liveContacts, List<Served> served, List<Ended> ended,
                           List<PendingFollowUp> followUps, long lastEventId, Arrived newest,
                           List<Command.RestoreWaitEnded> waitsEnded) {}

    /** No day is longer than 25 hours (a change of clocks), so today began within this in every zone. */
    static final Duration TODAY_AT_MOST = Duration.ofHours(26);

    /** A contact that ended inside the repeat window and was not repeated yet, oldest first. */
    public record Ended(String customerId, String contactId, Instant endedAt) {}

    /** A customer connected to an agent; restored oldest first, so the latest one stands. */
    public record Served(String customerId, String agentId, Instant connectedAt) {}

    private Restoration() {
    }

    /**
     * Everything live, and what happened since {@code servedSince} (the repeat window): who served
     * whom, and which contacts ended without a repeat yet; and the waits that ended in the
     * {@link #TODAY_AT_MOST} before {@code now}, from which the router counts each line's service
     * level today again. One session, query by query.
     */
    static Uni<Snapshot> load(Mutiny.SessionFactory sessions, Instant servedSince, Instant now) {
        return sessions.withStatelessSession(session -> agents(session)
                .chain(agents -> tokens(session)
                .chain(tokens -> lines(session)
                .chain(lines -> liveContacts(session)
                .chain(contacts -> served(session, servedSince)
                .chain(served -> ended(session, servedSince)
                .chain(ended -> followUps(session)
                .chain(followUps -> lastEventId(session)
                .chain(lastEventId -> newest(session)
                .chain(newest -> waitsEnded(session, now.minus(TODAY_AT_MOST))
                .map(waits -> new Snapshot(agents, tokens, lines, contacts, served, ended, followUps,
                        lastEventId, newest, waits))))))))))));
    }

    /**
     * Hands what was read to a fresh router and records, agents first, then lines (each after the
     * lines it overflows into) and the waits that ended in them lately, then who served whom, then
     * live contacts in arrival order, then follow-ups; answers the writes of what the router decided meanwhile (an offer whose agent is
     * not back, say).
     */
    static List<Write> replay(Snapshot snapshot, Router router, ContactRecords records, Instant now) {
        for (Agent agent : snapshot.agents()) {
            router.handle(new Command.RegisterAgent(AgentProfiles.of(agent)));
        }
        for (Line line : Line.targetsFirst(snapshot.lines())) {
            router.handle(new Command.ConfigureLine(line));
        }
        snapshot.waitsEnded().forEach(router::handle);
        if (snapshot.newest() != null) {
            router.handle(new Command.ResumeArrivals(snapshot.newest().seq(), snapshot.newest().at()));
        }
        snapshot.served().forEach(served -> router.handle(
                new Command.RestoreRelationship(served.customerId(), served.agentId(), served.connectedAt())));
        List<Write> writes = new ArrayList<>();
        for (Contact contact : snapshot.liveContacts()) {
            records.track(contact);
            Contact.Progress progress = contact.progress();
            Command restore = new Command.RestoreContact(ContactRequests.of(contact),
                    progress.arrivalSeq(), progress.createdAt(), progress.state(), progress.agentId(),
                    progress.connectedAt(), progress.mode() == Contact.Mode.CALLBACK,
                    progress.touchMillis() == null ? Duration.ZERO : Duration.ofMillis(progress.touchMillis()),
                    progress.wrappedAt());
            List<Decision> decisions = router.handle(restore);
            writes.addAll(records.apply(restore, decisions, now, null,
                    contactId -> router.arrived(contactId).orElseThrow()).writes());
        }
        for (PendingFollowUp pending : snapshot.followUps()) {
            records.restorePromise(pending);
            router.handle(new Command.RestoreFollowUp(new FollowUp(pending.id(), pending.agentId(),
                    pending.fromContactId(), ContactRequests.of(pending.contact()), pending.dueAt())));
        }
        return writes;
    }

    private static Uni<List<Agent>> agents(Mutiny.StatelessSession session) {
        return session.createSelectionQuery("from AgentEntity order by id", AgentEntity.class).getResultList()
                .map(rows -> rows.stream().map(AgentEntity::toAgent).toList());
    }

    private static Uni<List<Line>> lines(Mutiny.StatelessSession session) {
        return session.createSelectionQuery("from LineEntity order by id", LineEntity.class).getResultList()
                .map(rows -> rows.stream().map(row -> LineDocuments.read(row.id, row.definition)).toList());
    }

    private static Uni<List<AgentToken>> tokens(Mutiny.StatelessSession session) {
        return session.createSelectionQuery("from AgentTokenEntity", AgentTokenEntity.class).getResultList()
                .map(rows -> rows.stream().map(AgentTokenEntity::toToken).toList());
    }

    /**
     * Waiting, offered, connected and wrapping contacts in arrival order: those not ended, as the
     * live index reads them (V19; no state in an index, so the updates before the end are HOT).
     */
    private static Uni<List<Contact>> liveContacts(Mutiny.StatelessSession session) {
        return session.createSelectionQuery("from ContactEntity where endedAt is null order by arrivalSeq",
                ContactEntity.class).getResultList()
                .map(rows -> rows.stream().map(ContactEntity::toContact).toList());
    }

    private static Uni<List<Served>> served(Mutiny.StatelessSession session, Instant since) {
        return session.createSelectionQuery("""
                        select c.customerId, c.agentId, c.connectedAt from ContactEntity c
                        where c.connectedAt >= :since and c.agentId is not null
                        order by c.connectedAt""", Object[].class)
                .setParameter("since", since)
                .getResultList()
                .map(rows -> rows.stream().map(Restoration::served).toList());
    }

    private static Uni<List<Ended>> ended(Mutiny.StatelessSession session, Instant since) {
        return session.createSelectionQuery("""
                        select c.customerId, c.id, c.endedAt from ContactEntity c
                        where c.endedAt >= :since and c.repeatedBy is null
                        order by c.endedAt""", Object[].class)
                .setParameter("since", since)
                .getResultList()
                .map(rows -> rows.stream()
                        .map(row -> new Ended((String) row[0], (String) row[1], (Instant) row[2]))
                        .toList());
    }

    /** Follow-ups promised and not yet due, with the contact each was promised on. */
    private static Uni<List<PendingFollowUp>> followUps(Mutiny.StatelessSession session) {
        return session.createSelectionQuery("""
                        select f, c from FollowUpEntity f join ContactEntity c on c.id = f.fromContactId
                        where f.becameDueAt is null order by f.dueAt""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream()
                        .map(row -> PendingFollowUp.of((FollowUpEntity) row[0], ((ContactEntity) row[1]).toContact()))
                        .toList());
    }

    private static Uni<Long> lastEventId(Mutiny.StatelessSession session) {
        return session.createSelectionQuery("select coalesce(max(id), 0) from ContactEventEntity", Long.class)
                .getSingleResult();
    }

    /** The newest contact's place and time, found at the end of the arrival index. */
    private static Uni<Arrived> newest(Mutiny.StatelessSession session) {
        return session.createSelectionQuery(
                        "select c.arrivalSeq, c.createdAt from ContactEntity c order by c.createdAt desc, c.arrivalSeq desc",
                        Object[].class)
                .setMaxResults(1)
                .getSingleResultOrNull()
                .map(row -> row == null ? null : new Arrived((Long) row[0], (Instant) row[1]));
    }

    /**
     * Waits in a line that ended since {@code since}, oldest first: answered when (last) connected,
     * within the line's target or not, and abandoned when the customer left, as the router counted
     * them (a contact answered, requeued and then abandoned counts both ways).
     */
    private static Uni<List<Command.RestoreWaitEnded>> waitsEnded(Mutiny.StatelessSession session, Instant since) {
        return session.createNativeQuery("""
                        select line, at, answered, within from (
                            select line, connected_at as at, true as answered,
                                   coalesce(answered_within_target, false) as within
                            from contacts where line is not null and connected_at >= :since
                            union all
                            select line, ended_at, false, false
                            from contacts where line is not null and state = 'ABANDONED' and ended_at >= :since) w
                        order by at""", Object[].class)
                .setParameter("since", since)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Command.RestoreWaitEnded((String) row[0], instant(row[1]),
                        (Boolean) row[2], (Boolean) row[3])).toList());
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    private static Served served(Object[] row) {
        return new Served((String) row[0], (String) row[1], (Instant) row[2]);
    }
}
