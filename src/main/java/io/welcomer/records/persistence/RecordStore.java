package io.welcomer.records.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.welcomer.records.ContactRecord;
import io.welcomer.records.RecordPosition;
import io.welcomer.records.RecordQuery;
import io.welcomer.records.StoredContact;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Contact records read from the store: each record is its row and its events, aggregated in the
 * same query (one query per page or per export, never one per contact), in arrival order.
 */
@ApplicationScoped
public class RecordStore {

    /** A contact's line, as stored: null for the implicit line of its channel and skills. */
    static final String LINE = "c.line";

    /**
     * Records that arrived in [$1, $2) after the place ($7, $8), narrowed by line ($3), an agent
     * who held the contact ($4), customer ($5) and state ($6), each left out when null.
     */
    static final String RECORDS = """
            select c.id, %1$s as line, c.channel, c.mode, c.customer_id, c.created_at, c.arrival_seq, c.state,
                   c.ended_at, c.wrapped_at, c.touch_ms, c.resolved, c.outcome_code, c.outcome_notes, c.csat,
                   c.repeated_by, c.erased_at, e.types, e.agents, e.ats, e.reasons
            from contacts c
            left join lateral (
                select array_agg(type order by id) as types, array_agg(agent_id order by id) as agents,
                       array_agg(at order by id) as ats, array_agg(reason order by id) as reasons
                from contact_events where contact_id = c.id) e on true
            where c.created_at >= $1 and c.created_at < $2
              and ($3::varchar is null or %1$s = $3)
              and ($4::varchar is null or exists (select 1 from contact_events h where h.contact_id = c.id
                      and h.agent_id = $4 and h.type in ('contact.connected', 'contact.transferred')))
              and ($5::varchar is null or c.customer_id = $5)
              and ($6::varchar is null or c.state = $6)
              and (c.created_at, c.arrival_seq) > ($7, $8)
            order by c.created_at, c.arrival_seq""".formatted(LINE);

    static final String PAGE = RECORDS + "\nlimit $9";

    private final Pool pool;
    private final Exports exports;

    RecordStore(Pool pool, Exports exports) {
        this.pool = pool;
        this.exports = exports;
    }

    /** The secret cursors are signed with, the same for every server of this store. */
    public Uni<String> cursorSecret() {
        return pool.query("select secret from record_cursor_secret").execute()
                .map(rows -> rows.iterator().next().getString("secret"));
    }

    /** At most {@code limit} records after {@code after}, in arrival order. */
    public Uni<List<Positioned>> page(RecordQuery query, RecordPosition after, int limit) {
        return pool.preparedQuery(PAGE).execute(params(query, after).addInteger(limit)).map(rows -> {
            List<Positioned> page = new ArrayList<>(rows.size());
            for (Row row : rows) {
                page.add(new Positioned(record(row), position(row)));
            }
            return page;
        });
    }

    /**
     * {@code first} (a header, say), then every record of the query in arrival order, a fetch of
     * records at a time as {@code each} writes them, read from a cursor on an export connection as
     * the client takes them: back-pressured, never collected. Cancelling frees the connection.
     */
    public <T> Multi<T> stream(RecordQuery query, List<T> first, Function<List<ContactRecord>, T> each) {
        return exports.stream(RECORDS, params(query, new RecordPosition(query.from(), Long.MIN_VALUE)), first,
                rows -> each.apply(rows.stream().map(RecordStore::record).toList()));
    }

    /** A record with its place in arrival order, for the next page's cursor. */
    public record Positioned(ContactRecord record, RecordPosition position) {}

    private static Tuple params(RecordQuery query, RecordPosition after) {
        return Tuple.tuple()
                .addOffsetDateTime(time(query.from()))
                .addOffsetDateTime(time(query.to()))
                .addString(query.line())
                .addString(query.agentId())
                .addString(query.customerId())
                .addString(query.state())
                .addOffsetDateTime(time(after.createdAt()))
                .addLong(after.arrivalSeq());
    }

    private static RecordPosition position(Row row) {
        return new RecordPosition(instant(row.getOffsetDateTime("created_at")), row.getLong("arrival_seq"));
    }

    static ContactRecord record(Row row) {
        String[] types = row.getArrayOfStrings("types");
        List<StoredContact.Event> events = new ArrayList<>(types == null ? 0 : types.length);
        if (types != null) {
            String[] agents = row.getArrayOfStrings("agents");
            OffsetDateTime[] ats = row.getArrayOfOffsetDateTimes("ats");
            String[] reasons = row.getArrayOfStrings("reasons");
            for (int i = 0; i < types.length; i++) {
                events.add(new StoredContact.Event(types[i], agents[i], instant(ats[i]), reasons[i]));
            }
        }
        return ContactRecord.of(new StoredContact(row.getString("id"), row.getString("line"),
                row.getString("channel"), row.getString("mode"), row.getString("customer_id"),
                instant(row.getOffsetDateTime("created_at")), row.getString("state"),
                instant(row.getOffsetDateTime("ended_at")), instant(row.getOffsetDateTime("wrapped_at")),
                row.getLong("touch_ms"), row.getBoolean("resolved"), row.getString("outcome_code"),
                row.getString("outcome_notes"), row.getInteger("csat"), row.getString("repeated_by"),
                instant(row.getOffsetDateTime("erased_at")), events));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
