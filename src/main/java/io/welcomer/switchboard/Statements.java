package io.welcomer.switchboard;

import io.vertx.sqlclient.Tuple;
import io.welcomer.routing.Outcome;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEvent;
import io.welcomer.store.SkillMaps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The SQL of one flush: one multi-row statement per table and kind ({@code unnest} of one array
 * per column, so each statement is prepared once with a fixed parameter count), then the rare
 * agent writes one by one in command order. Every statement is idempotent, so a flush whose
 * outcome is unknown can be written again. A new kind of write is a new case in {@link #of}.
 */
final class Statements {

    /** One statement with its parameters. */
    record Statement(String sql, Tuple params) {}

    static final String INSERT_CONTACTS = """
            insert into contacts (id, gateway_id, idempotency_key, channel, mode, customer_id, customer_name,
                customer_language, required_skills, priority, topic, context, arrival_seq, state, agent_id,
                callback_number, created_at, offered_at, connected_at, ended_at, customer_left_at, resolved,
                outcome_code, outcome_notes, language_required, wrapped_at, touch_ms, transfers, transfer_from,
                transfer_mode, transfer_note, follow_up_note, line, answered_within_target)
            select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                $6::varchar[], $7::varchar[], $8::varchar[], $9::text[], $10::int[], $11::varchar[], $12::text[]::jsonb[],
                $13::bigint[], $14::varchar[], $15::varchar[], $16::varchar[], $17::timestamptz[],
                $18::timestamptz[], $19::timestamptz[], $20::timestamptz[], $21::timestamptz[], $22::boolean[],
                $23::varchar[], $24::text[], $25::boolean[], $26::timestamptz[], $27::bigint[], $28::smallint[],
                $29::varchar[], $30::varchar[], $31::text[], $32::text[], $33::varchar[], $34::boolean[])
            on conflict (id) do nothing""";

    static final String UPDATE_CONTACTS = """
            update contacts c set state = u.state, mode = u.mode, agent_id = u.agent_id,
                callback_number = u.callback_number, offered_at = u.offered_at, connected_at = u.connected_at,
                ended_at = u.ended_at, customer_left_at = u.customer_left_at, resolved = u.resolved,
                outcome_code = u.outcome_code, outcome_notes = u.outcome_notes, wrapped_at = u.wrapped_at,
                touch_ms = u.touch_ms, transfers = u.transfers, transfer_from = u.transfer_from,
                transfer_mode = u.transfer_mode, transfer_note = u.transfer_note,
                required_skills = u.required_skills, customer_language = u.customer_language, line = u.line,
                priority = u.priority, answered_within_target = u.answered_within_target
            from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::boolean[],
                $11::varchar[], $12::text[], $13::timestamptz[], $14::bigint[], $15::smallint[], $16::varchar[],
                $17::varchar[], $18::text[], $19::text[], $20::varchar[], $21::varchar[], $22::int[], $23::boolean[])
                as u(id, state, mode, agent_id, callback_number, offered_at, connected_at, ended_at,
                     customer_left_at, resolved, outcome_code, outcome_notes, wrapped_at, touch_ms, transfers,
                     transfer_from, transfer_mode, transfer_note, required_skills, customer_language, line, priority,
                     answered_within_target)
            where c.id = u.id""";

    static final String APPEND_EVENTS = """
            insert into contact_events (id, contact_id, gateway_id, type, state, agent_id, at, callback_number,
                from_agent_id, transfer_mode, follow_up_id, due_at, reason, actor, line, overflow_from, overflow_step,
                overflow_line, overflow_skills)
            select * from unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                $6::varchar[], $7::timestamptz[], $8::varchar[], $9::varchar[], $10::varchar[], $11::varchar[],
                $12::timestamptz[], $13::varchar[], $14::text[], $15::varchar[], $16::varchar[], $17::smallint[],
                $18::varchar[], $19::text[])
            on conflict (id) do nothing""";

    static final String MARK_REPEATED = """
            update contacts c set repeated_by = u.repeated_by
            from unnest($1::varchar[], $2::varchar[]) as u(id, repeated_by)
            where c.id = u.id""";

    static final String SAVE_FOLLOW_UP = """
            insert into follow_ups (id, agent_id, from_contact_id, due_at, callback_number, note, created_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (id) do nothing""";

    static final String FOLLOW_UP_DUE = "update follow_ups set became_due_at = $2 where id = $1";

    static final String START_ERASURE = """
            insert into erasures (id, customer_id, requested_at, state) values ($1, $2, $3, 'running')
            on conflict (id) do nothing""";

    static final String SAVE_AGENT = """
            insert into agents (id, name, skills, capacity, updated_at, languages) values ($1, $2, $3, $4, $5, $6)
            on conflict (id) do update set name = excluded.name, skills = excluded.skills,
                capacity = excluded.capacity, updated_at = excluded.updated_at, languages = excluded.languages""";

    static final String DELETE_AGENT = "delete from agents where id = $1";

    static final String SAVE_TOKEN = """
            insert into agent_tokens (token_hash, agent_id, created_at) values ($1, $2, $3)
            on conflict (token_hash) do nothing""";

    static final String DELETE_TOKENS = "delete from agent_tokens where agent_id = $1";

    static final String AUDIT = """
            insert into audit_log (id, at, actor, role, action, target, detail)
            values ($1, $2, $3, $4, $5, $6, $7::text::jsonb)
            on conflict (id) do nothing""";

    static final String SAVE_LINE = """
            insert into lines (id, definition, updated_at) values ($1, $2, $3)
            on conflict (id) do update set definition = excluded.definition, updated_at = excluded.updated_at""";

    static final String DELETE_LINE = "delete from lines where id = $1";

    private Statements() {
    }

    /** The statements of these writes, in the order they must run. */
    static List<Statement> of(List<Write> writes) {
        // A contact changed twice in one flush is written once, as it was last decided.
        Map<String, Contact> inserts = new LinkedHashMap<>();
        Map<String, Contact> updates = new LinkedHashMap<>();
        List<ContactEvent> events = new ArrayList<>();
        Map<String, String> repeats = new LinkedHashMap<>();
        List<Statement> oneByOne = new ArrayList<>();
        for (Write write : writes) {
            switch (write) {
                case Write.InsertContact w -> inserts.put(w.contact().id(), w.contact());
                case Write.UpdateContact w -> {
                    if (inserts.containsKey(w.contact().id())) {
                        inserts.put(w.contact().id(), w.contact());
                    } else {
                        updates.put(w.contact().id(), w.contact());
                    }
                }
                case Write.AppendEvent w -> events.add(w.event());
                case Write.MarkRepeated w -> repeats.put(w.contactId(), w.repeatedBy());
                case Write.SaveFollowUp w -> oneByOne.add(new Statement(SAVE_FOLLOW_UP, Tuple.of(w.followUp().id(),
                        w.followUp().agentId(), w.followUp().fromContactId(), time(w.followUp().dueAt()),
                        w.followUp().number(), w.followUp().note(), time(w.followUp().createdAt()))));
                case Write.FollowUpDue w -> oneByOne.add(new Statement(FOLLOW_UP_DUE, Tuple.of(w.followUpId(), time(w.at()))));
                case Write.StartErasure w -> oneByOne.add(new Statement(START_ERASURE, Tuple.of(w.erasureId(),
                        w.customerId(), time(w.at()))));
                case Write.SaveAgent w -> oneByOne.add(new Statement(SAVE_AGENT, Tuple.of(w.agent().id(),
                        w.agent().name(), w.agent().skills(), w.agent().capacity(), time(w.agent().updatedAt()),
                        w.agent().languages())));
                case Write.DeleteAgent w -> oneByOne.add(new Statement(DELETE_AGENT, Tuple.of(w.agent().id())));
                case Write.SaveToken w -> oneByOne.add(new Statement(SAVE_TOKEN, Tuple.of(w.token().tokenHash(),
                        w.token().agentId(), time(w.token().createdAt()))));
                case Write.DeleteTokens w -> oneByOne.add(new Statement(DELETE_TOKENS, Tuple.of(w.agentId())));
                case Write.Audit w -> oneByOne.add(new Statement(AUDIT, Tuple.of(w.entry().id(), time(w.entry().at()),
                        w.entry().actor(), w.entry().role(), w.entry().action(), w.entry().target(),
                        w.entry().detail())));
                case Write.SaveLine w -> oneByOne.add(new Statement(SAVE_LINE, Tuple.of(w.line().id,
                        w.line().definition, time(w.line().updatedAt))));
                case Write.DeleteLine w -> oneByOne.add(new Statement(DELETE_LINE, Tuple.of(w.lineId())));
            }
        }
        List<Statement> statements = new ArrayList<>();
        if (!inserts.isEmpty()) {
            statements.add(new Statement(INSERT_CONTACTS, insertParams(List.copyOf(inserts.values()))));
        }
        if (!updates.isEmpty()) {
            statements.add(new Statement(UPDATE_CONTACTS, updateParams(List.copyOf(updates.values()))));
        }
        if (!events.isEmpty()) {
            statements.add(new Statement(APPEND_EVENTS, eventParams(events)));
        }
        if (!repeats.isEmpty()) {
            statements.add(new Statement(MARK_REPEATED, Tuple.tuple()
                    .addArrayOfString(repeats.keySet().toArray(String[]::new))
                    .addArrayOfString(repeats.values().toArray(String[]::new))));
        }
        statements.addAll(oneByOne);
        return statements;
    }

    private static Tuple insertParams(List<Contact> rows) {
        List<Contact.Arrival> arrivals = rows.stream().map(Contact::arrival).toList();
        Tuple params = withProgress(Tuple.tuple()
                .addArrayOfString(strings(arrivals, Contact.Arrival::id))
                .addArrayOfString(strings(arrivals, Contact.Arrival::gatewayId))
                .addArrayOfString(strings(arrivals, Contact.Arrival::idempotencyKey))
                .addArrayOfString(strings(arrivals, Contact.Arrival::channel))
                .addArrayOfString(strings(rows, c -> c.progress().mode().name()))
                .addArrayOfString(strings(arrivals, a -> a.customer().id()))
                .addArrayOfString(strings(arrivals, a -> a.customer().name()))
                .addArrayOfString(strings(arrivals, a -> a.customer().language()))
                .addArrayOfString(strings(arrivals, Contact.Arrival::requiredSkills))
                .addArrayOfInteger(arrivals.stream().map(Contact.Arrival::priority).toArray(Integer[]::new))
                .addArrayOfString(strings(arrivals, Contact.Arrival::topic))
                .addArrayOfString(strings(arrivals, Contact.Arrival::context))
                .addArrayOfLong(rows.stream().map(c -> c.progress().arrivalSeq()).toArray(Long[]::new))
                .addArrayOfString(strings(rows, c -> c.state().name()))
                .addArrayOfString(strings(rows, c -> c.progress().agentId()))
                .addArrayOfString(strings(rows, c -> c.progress().callbackNumber()))
                .addArrayOfOffsetDateTime(times(rows, c -> c.progress().createdAt())), rows)
                .addArrayOfBoolean(arrivals.stream().map(Contact.Arrival::languageRequired).toArray(Boolean[]::new));
        return withAgentWork(params, rows).addArrayOfString(strings(arrivals, Contact.Arrival::followUpNote))
                .addArrayOfString(strings(arrivals, Contact.Arrival::line))
                .addArrayOfBoolean(answeredWithinTarget(rows));
    }

    private static Tuple updateParams(List<Contact> rows) {
        return withAgentWork(withProgress(Tuple.tuple()
                .addArrayOfString(strings(rows, Contact::id))
                .addArrayOfString(strings(rows, c -> c.state().name()))
                .addArrayOfString(strings(rows, c -> c.progress().mode().name()))
                .addArrayOfString(strings(rows, c -> c.progress().agentId()))
                .addArrayOfString(strings(rows, c -> c.progress().callbackNumber())), rows), rows)
                // What the contact needs and how soon, which a cold transfer or a supervisor changes.
                .addArrayOfString(strings(rows, c -> c.arrival().requiredSkills()))
                .addArrayOfString(strings(rows, c -> c.arrival().customer().language()))
                .addArrayOfString(strings(rows, c -> c.arrival().line()))
                .addArrayOfInteger(rows.stream().map(c -> c.arrival().priority()).toArray(Integer[]::new))
                .addArrayOfBoolean(answeredWithinTarget(rows));
    }

    private static Boolean[] answeredWithinTarget(List<Contact> rows) {
        return rows.stream().map(c -> c.progress().answeredWithinTarget()).toArray(Boolean[]::new);
    }

    /** The columns of where the contact got to: offered, connected, ended, left, and what came of it. */
    private static Tuple withProgress(Tuple params, List<Contact> rows) {
        return params
                .addArrayOfOffsetDateTime(times(rows, c -> c.progress().offeredAt()))
                .addArrayOfOffsetDateTime(times(rows, c -> c.progress().connectedAt()))
                .addArrayOfOffsetDateTime(times(rows, c -> c.progress().endedAt()))
                .addArrayOfOffsetDateTime(times(rows, c -> c.progress().customerLeftAt()))
                .addArrayOfBoolean(rows.stream().map(c -> resolved(c.progress())).toArray(Boolean[]::new))
                .addArrayOfString(strings(rows, c -> outcome(c.progress(), Outcome::code)))
                .addArrayOfString(strings(rows, c -> outcome(c.progress(), Outcome::notes)));
    }

    /** The columns of the agent's work: when the conversation ended, the summed touch time, the last transfer. */
    private static Tuple withAgentWork(Tuple params, List<Contact> rows) {
        List<Contact.Transfers> transfers = rows.stream().map(c -> c.progress().transfers()).toList();
        return params
                .addArrayOfOffsetDateTime(times(rows, c -> c.progress().wrappedAt()))
                .addArrayOfLong(rows.stream().map(c -> c.progress().touchMillis()).toArray(Long[]::new))
                .addArrayOfShort(transfers.stream().map(t -> (short) t.count()).toArray(Short[]::new))
                .addArrayOfString(strings(transfers, Contact.Transfers::lastFrom))
                .addArrayOfString(strings(transfers, Contact.Transfers::lastMode))
                .addArrayOfString(strings(transfers, Contact.Transfers::lastNote));
    }

    private static Boolean resolved(Contact.Progress progress) {
        return progress.outcome() == null ? null : progress.outcome().resolved();
    }

    private static String outcome(Contact.Progress progress, Function<Outcome, String> part) {
        return progress.outcome() == null ? null : part.apply(progress.outcome());
    }

    private static Tuple eventParams(List<ContactEvent> rows) {
        return Tuple.tuple()
                .addArrayOfLong(rows.stream().map(ContactEvent::id).toArray(Long[]::new))
                .addArrayOfString(strings(rows, ContactEvent::contactId))
                .addArrayOfString(strings(rows, ContactEvent::gatewayId))
                .addArrayOfString(strings(rows, ContactEvent::type))
                .addArrayOfString(strings(rows, ContactEvent::state))
                .addArrayOfString(strings(rows, ContactEvent::agentId))
                .addArrayOfOffsetDateTime(times(rows, ContactEvent::at))
                .addArrayOfString(strings(rows, ContactEvent::callbackNumber))
                .addArrayOfString(strings(rows, ContactEvent::fromAgentId))
                .addArrayOfString(strings(rows, ContactEvent::transferMode))
                .addArrayOfString(strings(rows, ContactEvent::followUpId))
                .addArrayOfOffsetDateTime(times(rows, ContactEvent::dueAt))
                .addArrayOfString(strings(rows, ContactEvent::reason))
                .addArrayOfString(strings(rows, ContactEvent::actor))
                .addArrayOfString(strings(rows, ContactEvent::line))
                .addArrayOfString(strings(rows, e -> e.overflow() == null ? null : e.overflow().from()))
                .addArrayOfShort(rows.stream().map(e -> e.overflow() == null ? null : (short) e.overflow().step())
                        .toArray(Short[]::new))
                .addArrayOfString(strings(rows, e -> e.overflow() == null ? null : e.overflow().toLine()))
                .addArrayOfString(strings(rows, e -> e.overflow() == null || e.overflow().toSkills() == null ? null
                        : SkillMaps.write(e.overflow().toSkills())));
    }

    private static <T> String[] strings(List<T> rows, Function<T, String> column) {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return values;
    }

    private static <T> OffsetDateTime[] times(List<T> rows, Function<T, Instant> column) {
        OffsetDateTime[] values = new OffsetDateTime[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = time(column.apply(rows.get(i)));
        }
        return values;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
