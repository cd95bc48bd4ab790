package io.welcomer.load;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The floor under Welcomer's intake, on the same Vert.x: a JSON POST parsed and answered 201
 * with a small JSON ({@code bare}); the same after one INSERT and commit per request
 * ({@code insert}); the same with a natural group commit, where requests arriving while one
 * multi-row INSERT is in flight wait and go into the next one ({@code group}). One verticle per
 * core, as Quarkus runs its event loops.
 *
 * <p>Usage: {@code BaselineServer bare|insert|group <port> [database]}.
 */
public final class BaselineServer extends AbstractVerticle {

    private static final String TABLE = """
            create table if not exists baseline_contacts (
                id uuid primary key, body text not null, created_at timestamptz not null default now())""";
    private static final String INSERT_ONE = "insert into baseline_contacts (id, body) values ($1, $2)";
    private static final String INSERT_MANY =
            "insert into baseline_contacts (id, body) select * from unnest($1::uuid[], $2::text[])";

    private record Waiting(HttpServerRequest request, UUID id, String body) {}

    private final String mode;
    private final int port;
    private final String database;
    private Pool pool;
    private List<Waiting> next = new ArrayList<>();
    private boolean inFlight;

    BaselineServer(String mode, int port, String database) {
        this.mode = mode;
        this.port = port;
        this.database = database;
    }

    public static void main(String[] args) {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        String database = args.length > 2 ? args[2] : "postgres";
        Vertx vertx = Vertx.vertx();
        Pool setup = pool(vertx, database, 1);
        setup.query(TABLE).execute().eventually(() -> setup.close())
                .compose(done -> vertx.deployVerticle(() -> new BaselineServer(mode, port, database),
                        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())))
                .onSuccess(id -> System.out.println("baseline " + mode + " listening on " + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start(Promise<Void> started) {
        if (!mode.equals("bare")) {
            pool = pool(vertx, database, 4);
        }
        vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
            JsonObject contact = buffer.toJsonObject();
            UUID id = UUID.randomUUID();
            switch (mode) {
                case "bare" -> created(request, id);
                case "insert" -> pool.preparedQuery(INSERT_ONE).execute(Tuple.of(id, contact.encode()))
                        .onSuccess(rows -> created(request, id))
                        .onFailure(failure -> {
                            System.err.println("insert failed: " + failure);
                            request.response().setStatusCode(500).end();
                        });
                case "group" -> {
                    next.add(new Waiting(request, id, contact.encode()));
                    flush();
                }
                default -> throw new IllegalArgumentException("mode: bare, insert or group");
            }
        })).listen(port).<Void>mapEmpty().onComplete(started);
    }

    /** One statement, one commit, for everyone who arrived while the last one was in flight. */
    private void flush() {
        if (inFlight || next.isEmpty()) {
            return;
        }
        List<Waiting> batch = next;
        next = new ArrayList<>();
        inFlight = true;
        UUID[] ids = batch.stream().map(Waiting::id).toArray(UUID[]::new);
        String[] bodies = batch.stream().map(Waiting::body).toArray(String[]::new);
        Tuple arrays = Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(bodies);
        pool.preparedQuery(INSERT_MANY).execute(arrays).onComplete(result -> {
            inFlight = false;
            if (result.failed()) {
                System.err.println("group insert failed: " + result.cause());
            }
            for (Waiting waiting : batch) {
                if (result.succeeded()) {
                    created(waiting.request(), waiting.id());
                } else {
                    waiting.request().response().setStatusCode(500).end();
                }
            }
            flush();
        });
    }

    private static void created(HttpServerRequest request, UUID id) {
        request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", id.toString()).put("state", "QUEUED").encode());
    }

    private static Pool pool(Vertx vertx, String database, int size) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size))
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setUser("postgres").setDatabase(database)
                        .setPort(Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"))))
                .using(vertx).build();
    }
}
