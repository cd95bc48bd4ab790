package io.welcomer.records;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.welcomer.records.persistence.RecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;

/**
 * Contact records in arrival order: paged by signed cursors, or streamed whole. A page ends where
 * it ends; a record that arrives later always sorts after it, so paging while contacts arrive
 * returns every record once.
 */
@ApplicationScoped
public class Records {

    private final RecordStore store;
    private final InstantSource clock;
    private final RecordsConfig config;
    /** Read from the store once it answers; until then each page asks. */
    private volatile Cursors signer;

    Records(RecordStore store, InstantSource clock, RecordsConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /** At most {@code limit} records of the query, after the cursor's place (from the start without one). */
    public Uni<RecordPage> page(RecordQuery query, String cursor, int limit) {
        return cursors().chain(signer -> {
            RecordPosition after = cursor == null ? new RecordPosition(query.from(), Long.MIN_VALUE)
                    : signer.read(cursor, query);
            // One more than asked, to know whether a next page exists without an empty last page.
            return store.page(query, after, limit + 1).map(found -> {
                List<RecordStore.Positioned> page = found.subList(0, Math.min(limit, found.size()));
                String next = found.size() > limit ? signer.after(page.getLast().position(), query) : null;
                return new RecordPage(page.stream().map(RecordStore.Positioned::record).toList(), next);
            });
        });
    }

    private Uni<Cursors> cursors() {
        Cursors known = signer;
        return known != null ? Uni.createFrom().item(known) : store.cursorSecret()
                .map(secret -> new Cursors(secret, clock, config.cursorLifetime()))
                .invoke(read -> signer = read);
    }

    /**
     * {@code first}, then every record of the query, a fetch of records at a time as {@code each}
     * writes them, streamed from the store as the client reads.
     */
    public <T> Multi<T> export(RecordQuery query, List<T> first, Function<List<ContactRecord>, T> each) {
        return store.stream(query, first, each);
    }
}
