package io.welcomer.simulation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where simulations run: one thread, off the event loops, so a planner's question never takes a
 * core from live routing on a small machine; a few more wait their turn, beyond that the answer is
 * "busy" (RejectedExecutionException, a 503).
 */
@ApplicationScoped
public class SimulationPool {

    static final int WAITING = 4;

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), work -> {
                Thread thread = new Thread(work, "welcomer-simulation");
                thread.setDaemon(true);
                return thread;
            });

    <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(executor);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
