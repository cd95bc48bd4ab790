package io.welcomer.load;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL cluster under the server ({@code 127.0.0.1:$PGPORT}), seen from outside: the CPU
 * seconds its processes (every backend and the background writers, as {@code pg_stat_activity}
 * lists them) have used so far, from Linux /proc. A process that ends between two readings is not
 * counted, so a reading is a lower bound; the server's pools keep their connections.
 */
final class Database {

    private static final double TICKS_PER_SECOND = 100;

    private Database() {
    }

    static double cpuSeconds(Vertx vertx) throws Exception {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setUser("postgres").setDatabase("postgres")
                        .setPort(Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"))))
                .using(vertx).build();
        try {
            double seconds = 0;
            for (Row row : LoadRun.await(pool.query("select pid from pg_stat_activity").execute())) {
                seconds += processSeconds(row.getInteger(0));
            }
            return seconds;
        } finally {
            pool.close();
        }
    }

    private static double processSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }
}
