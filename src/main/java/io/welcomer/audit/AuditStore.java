package io.welcomer.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads of the audit trail, oldest first, a page at a time after a place in it. */
@ApplicationScoped
public class AuditStore {

    /** One entry as read back, with its place in the trail; {@code detail} is JSON text. */
    public record Stored(long seq, Instant at, String actor, String role, String action, String target,
                         String detail) {}

    private final Pool pool;

    AuditStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Up to {@code limit} entries after {@code afterSeq} (0: from the start), at or after
     * {@code from} and before {@code to} (either null: open), by {@code actor} when given.
     */
    public Uni<List<Stored>> page(long afterSeq, Instant from, Instant to, String actor, int limit) {
        return pool.preparedQuery("""
                        select seq, at, actor, role, action, target, detail::text as detail from audit_log
                        where seq > $1 and ($2::timestamptz is null or at >= $2)
                            and ($3::timestamptz is null or at < $3) and ($4::text is null or actor = $4)
                        order by seq limit $5""")
                .execute(Tuple.of(afterSeq, time(from), time(to), actor, limit))
                .map(rows -> {
                    List<Stored> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        page.add(new Stored(row.getLong("seq"), row.getOffsetDateTime("at").toInstant(),
                                row.getString("actor"), row.getString("role"), row.getString("action"),
                                row.getString("target"), row.getString("detail")));
                    }
                    return page;
                });
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
