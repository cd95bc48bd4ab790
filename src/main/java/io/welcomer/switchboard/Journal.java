package io.welcomer.switchboard;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Group commit on the routing context: while one transaction is in flight, the writes of every
 * command handled meanwhile wait and all go into the next one. A lone command waits for nothing;
 * under load a batch grows with the load. Each command's callback runs, in order, once its
 * writes are committed (or have failed).
 */
final class Journal {

    private static final Logger LOG = Logger.getLogger(Journal.class);
    private static final int STATEMENT_BATCH = 256;
    private static final List<Duration> RETRY_BACKOFF =
            List.of(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** The writes of one command and what to do once they are stored (null) or failed (the cause). */
    record Entry(List<Write> writes, Consumer<Throwable> done) {}

    private final Store store;
    private final Context routingContext;
    private List<Entry> pending = new ArrayList<>();
    private boolean flushing;
    private boolean flushScheduled;

    Journal(Store store, Context routingContext) {
        this.store = store;
        this.routingContext = routingContext;
    }

    /** Called on the routing context. The flush starts after the tasks already queued there. */
    void append(Entry entry) {
        pending.add(entry);
        if (!flushing && !flushScheduled) {
            flushScheduled = true;
            routingContext.runOnContext(ignored -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    private void flush() {
        if (flushing || pending.isEmpty()) {
            return;
        }
        List<Entry> batch = pending;
        pending = new ArrayList<>();
        flushing = true;
        commit(batch, 0);
    }

    private void commit(List<Entry> batch, int attempt) {
        write(batch).subscribe().with(ignored -> finish(batch, null), failure -> {
            if (SqlStates.isBadData(failure)) {
                replayOneByOne(batch, 0);
            } else if (attempt < RETRY_BACKOFF.size()) {
                LOG.warnf("store write failed (%s), retrying", failure.toString());
                routingContext.owner().setTimer(RETRY_BACKOFF.get(attempt).toMillis(),
                        timer -> commit(batch, attempt + 1));
            } else {
                LOG.errorf(failure, "store write failed after %d attempts", attempt + 1);
                finish(batch, failure);
            }
        });
    }

    /** A constraint or data error fails only the command that caused it, not its batch mates. */
    private void replayOneByOne(List<Entry> batch, int index) {
        if (index == batch.size()) {
            flushing = false;
            flush();
            return;
        }
        Entry entry = batch.get(index);
        write(List.of(entry)).subscribe().with(ignored -> {
            entry.done().accept(null);
            replayOneByOne(batch, index + 1);
        }, failure -> {
            LOG.warnf("store refused a write: %s", failure.toString());
            entry.done().accept(failure);
            replayOneByOne(batch, index + 1);
        });
    }

    private void finish(List<Entry> batch, Throwable failure) {
        for (Entry entry : batch) {
            entry.done().accept(failure);
        }
        flushing = false;
        flush();
    }

    /** One transaction: contact rows, then their events (both batched), then the rest one by one in command order. */
    private Uni<Void> write(List<Entry> batch) {
        List<Object> inserts = new ArrayList<>();
        List<Object> updates = new ArrayList<>();
        List<Object> events = new ArrayList<>();
        List<Write> oneByOne = new ArrayList<>();
        for (Entry entry : batch) {
            for (Write write : entry.writes()) {
                switch (write) {
                    case Write.InsertContact w -> inserts.add(w.contact());
                    case Write.UpdateContact w -> updates.add(w.contact());
                    case Write.AppendEvent w -> events.add(w.event());
                    case Write.MarkRepeated w -> oneByOne.add(w);
                    case Write.SaveAgent w -> oneByOne.add(w);
                    case Write.DeleteAgent w -> oneByOne.add(w);
                    case Write.SaveToken w -> oneByOne.add(w);
                }
            }
        }
        if (inserts.isEmpty() && updates.isEmpty() && events.isEmpty() && oneByOne.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.onFreshContext(routingContext, sessions -> sessions.withStatelessTransaction(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            if (!inserts.isEmpty()) {
                chain = chain.chain(() -> session.insertAll(STATEMENT_BATCH, inserts.toArray()));
            }
            if (!updates.isEmpty()) {
                chain = chain.chain(() -> session.updateAll(STATEMENT_BATCH, updates.toArray()));
            }
            if (!events.isEmpty()) {
                chain = chain.chain(() -> session.insertAll(STATEMENT_BATCH, events.toArray()));
            }
            for (Write write : oneByOne) {
                chain = chain.chain(() -> switch (write) {
                    case Write.SaveAgent w -> session.upsert(w.agent());
                    case Write.DeleteAgent w -> session.delete(w.agent());
                    case Write.SaveToken w -> session.insert(w.token());
                    case Write.MarkRepeated w -> session
                            .createMutationQuery("update ContactEntity set repeatedBy = :by where id = :id")
                            .setParameter("by", w.repeatedBy())
                            .setParameter("id", w.contactId())
                            .executeUpdate()
                            .replaceWithVoid();
                    default -> throw new IllegalStateException("not a one-by-one write: " + write);
                });
            }
            return chain;
        }));
    }
}
