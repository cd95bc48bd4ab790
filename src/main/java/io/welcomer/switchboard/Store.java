package io.welcomer.switchboard;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Access to Hibernate Reactive from the routing context. Each unit of work gets a fresh
 * duplicated context of the routing context: same thread, its own session, so sessions are
 * never shared and never cross threads.
 */
@ApplicationScoped
public class Store {

    private final Mutiny.SessionFactory sessions;

    Store(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Runs a unit of work on a fresh duplicated context of {@code base} and answers back on {@code base}. */
    <T> Uni<T> onFreshContext(Context base, Function<Mutiny.SessionFactory, Uni<T>> work) {
        return isolated(base, () -> work.apply(sessions));
    }

    private static <T> Uni<T> isolated(Context base, Supplier<Uni<T>> work) {
        Context fresh = VertxContext.createNewDuplicatedContext(base);
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        return Uni.createFrom().<T>emitter(emitter -> fresh.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        })).emitOn(task -> base.runOnContext(ignored -> task.run()));
    }
}
