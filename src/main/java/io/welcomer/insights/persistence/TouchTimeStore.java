package io.welcomer.insights.persistence;

import io.smallrye.mutiny.Uni;
import io.welcomer.insights.BandTally;
import io.welcomer.routing.Router;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Completed contacts counted by touch-time band: one aggregate query in PostgreSQL. */
@ApplicationScoped
public class TouchTimeStore {

    private final Mutiny.SessionFactory sessions;

    TouchTimeStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Contacts completed in [from, to) per band (and channel), bands in order; those that ended
     * after {@code windowOpen} and were not repeated yet are counted apart.
     */
    public Uni<List<BandTally>> tallies(Instant from, Instant to, boolean byChannel, Instant windowOpen) {
        // One short aggregate: compiling it (PostgreSQL's JIT) costs more than it saves (about
        // 250 ms of 1 s over a million contacts), so it is off for this transaction only.
        return sessions.withStatelessTransaction(session -> session.createNativeQuery("set local jit = off")
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(sql(byChannel), Object[].class)
                                .setParameter("from", from)
                                .setParameter("to", to)
                                .setParameter("windowOpen", windowOpen)
                                .setParameter("wrapUpExpired", Router.WRAP_UP_EXPIRED)
                                .setParameter("agentLost", Router.AGENT_LOST)
                                .getResultList()))
                .map(rows -> rows.stream().map(TouchTimeStore::tally).toList());
    }

    /**
     * Counts and sums per band (and channel): a hash aggregate into at most 20 rows, over the
     * band column PostgreSQL keeps for each contact (V6). The total is added up from those rows,
     * which is cheaper than asking PostgreSQL for it by grouping sets (that sorts every contact).
     * Contacts the router completed (wrap-up expired, agent lost for good) are no agent's outcome:
     * they are counted apart and left out of every other figure.
     */
    private static String sql(boolean byChannel) {
        String channel = byChannel ? "channel" : "cast(null as varchar)";
        return """
                select touch_band, %s as channel_key, count(*) filter (where decided),
                       count(*) filter (where decided and resolved),
                       count(*) filter (where decided and repeated_by is not null),
                       count(*) filter (where decided and resolved and repeated_by is null),
                       sum(csat) filter (where decided), count(csat) filter (where decided),
                       count(*) filter (where decided and repeated_by is null and ended_at > :windowOpen),
                       sum(coalesce(extract(epoch from ended_at - wrapped_at), 0)) filter (where decided),
                       count(*) filter (where outcome_code = :wrapUpExpired),
                       count(*) filter (where outcome_code = :agentLost)
                from contacts cross join lateral (select outcome_code is distinct from :wrapUpExpired
                    and outcome_code is distinct from :agentLost as decided) agent
                where state = 'COMPLETED' and ended_at >= :from and ended_at < :to and touch_band is not null
                group by touch_band, channel_key
                order by touch_band, channel_key""".formatted(channel);
    }

    private static BandTally tally(Object[] row) {
        return new BandTally(((Number) row[0]).intValue(), (String) row[1], count(row[2]), count(row[3]),
                count(row[4]), count(row[5]), count(row[6]), count(row[7]), count(row[8]),
                row[9] == null ? 0 : ((Number) row[9]).doubleValue(), count(row[10]), count(row[11]));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
