package io.welcomer.load;

import com.sun.management.ThreadMXBean;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor under a contact's whole life, for {@code LoadRun busy}: the least a server must do
 * to keep Welcomer's promises for the part of the API the busy centre uses, on the same Vert.x,
 * one verticle per core as Quarkus runs its event loops. A contact is stored before its 201, is
 * offered to a free agent on a WebSocket, and its accept and completion are stored before they
 * are confirmed ({@code connected}, {@code completed}); every write goes through one natural
 * group commit for the process (one statement per flush, as Welcomer's journal). What it leaves
 * out is what Welcomer adds: skills, priorities and lines (one queue, first come first served),
 * events for the gateways, the customer's history in the offer, idempotency, the lease and its
 * fence, validation, metrics, limits.
 *
 * <p>The API: {@code PUT /v1/agents/{id}} and {@code POST /v1/agents/{id}/tokens} (admin key),
 * {@code POST /v1/contacts} (gateway key), the agent socket {@code /v1/ws/agent} (its token; frames
 * {@code available}, {@code accept}, {@code complete} in and {@code offer}, {@code connected},
 * {@code completed} out), and {@code GET /q/metrics} with the bytes the JVM has allocated
 * ({@code jvm_gc_memory_allocated_bytes_total}, here from the threads' allocation counters).
 *
 * <p>Usage: {@code LifeFloor <port> [database]}; the keys are {@code LoadRun}'s.
 */
public final class LifeFloor extends AbstractVerticle {

    private static final String TABLES = """
            create table if not exists floor_contacts (
                id uuid primary key, customer text not null, body text not null, state text not null,
                agent text, created_at timestamptz not null default now(), updated_at timestamptz)""";
    /** One flush: the new contacts inserted and the changed ones updated, in one statement. */
    private static final String FLUSH = """
            with inserted as (
                insert into floor_contacts (id, customer, body, state)
                select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])),
            changed as (
                update floor_contacts c set state = u.state, agent = u.agent, updated_at = now()
                from unnest($5::uuid[], $6::text[], $7::text[]) as u(id, state, agent) where c.id = u.id)
            select 1""";

    /** A write waiting for its flush, and what to do once it is stored. */
    private record Write(UUID id, String customer, String body, String state, String agent, Runnable stored) {}

    private record Contact(UUID id, String customer) {}

    /** An agent's socket and what it holds; guarded by {@link Centre}'s lock. */
    private static final class Agent {
        final ServerWebSocket socket;
        boolean free;
        Contact offered;
        Contact connected;

        Agent(ServerWebSocket socket) {
            this.socket = socket;
        }
    }

    /** The routing state and the journal of the whole process, one lock each. */
    private static final class Centre {
        final Map<String, String> agentByToken = new ConcurrentHashMap<>();
        private final ArrayDeque<Agent> free = new ArrayDeque<>();
        private final ArrayDeque<Contact> waiting = new ArrayDeque<>();
        private final Pool journal;
        private List<Write> next = new ArrayList<>();
        private boolean inFlight;

        Centre(Pool journal) {
            this.journal = journal;
        }

        void arrived(Contact contact) {
            Agent agent;
            synchronized (this) {
                agent = free.poll();
                if (agent == null) {
                    waiting.add(contact);
                    return;
                }
                agent.free = false;
                agent.offered = contact;
            }
            offer(agent, contact);
        }

        void available(Agent agent) {
            Contact contact;
            synchronized (this) {
                if (agent.free || agent.offered != null || agent.connected != null) {
                    return;
                }
                contact = waiting.poll();
                if (contact == null) {
                    agent.free = true;
                    free.add(agent);
                    return;
                }
                agent.offered = contact;
            }
            offer(agent, contact);
        }

        /** A contact offered to it goes back to the queue; one it was connected to stays as stored. */
        void left(Agent agent) {
            Contact requeued;
            synchronized (this) {
                if (agent.free) {
                    free.remove(agent);
                }
                requeued = agent.offered;
                agent.offered = null;
            }
            if (requeued != null) {
                arrived(requeued);
            }
        }

        void accept(Agent agent, String contactId, String agentId) {
            Contact contact;
            synchronized (this) {
                contact = held(agent.offered, contactId);
                if (contact != null) {
                    agent.offered = null;
                    agent.connected = contact;
                }
            }
            store(agent, contact, contactId, "CONNECTED", agentId,
                    () -> agent.socket.writeTextMessage(frame("connected", contactId)));
        }

        void complete(Agent agent, String contactId, String agentId) {
            Contact contact;
            synchronized (this) {
                contact = held(agent.connected, contactId);
                if (contact != null) {
                    agent.connected = null;
                }
            }
            store(agent, contact, contactId, "COMPLETED", agentId, () -> {
                agent.socket.writeTextMessage(frame("completed", contactId));
                available(agent);
            });
        }

        /** The contact in an agent's slot if it is the one the frame names, else null. */
        private static Contact held(Contact slot, String contactId) {
            return slot != null && slot.id().toString().equals(contactId) ? slot : null;
        }

        /** The contact's new state into the next flush, then {@code stored}; an error frame if it was not held. */
        private void store(Agent agent, Contact contact, String contactId, String state, String agentId,
                           Runnable stored) {
            if (contact == null) {
                agent.socket.writeTextMessage(error(contactId));
                return;
            }
            write(new Write(contact.id(), null, null, state, agentId, stored));
        }

        private static void offer(Agent agent, Contact contact) {
            agent.socket.writeTextMessage(new JsonObject().put("type", "offer").put("contactId", contact.id().toString())
                    .put("customer", new JsonObject().put("id", contact.customer())).encode());
        }

        /** Into the next flush; one statement, one commit, for every write that arrived meanwhile. */
        void write(Write write) {
            synchronized (this) {
                next.add(write);
            }
            flush();
        }

        private void flush() {
            List<Write> batch;
            synchronized (this) {
                if (inFlight || next.isEmpty()) {
                    return;
                }
                batch = next;
                next = new ArrayList<>();
                inFlight = true;
            }
            List<Write> inserts = batch.stream().filter(w -> w.customer() != null).toList();
            List<Write> updates = batch.stream().filter(w -> w.customer() == null).toList();
            Tuple arrays = Tuple.tuple()
                    .addArrayOfUUID(inserts.stream().map(Write::id).toArray(UUID[]::new))
                    .addArrayOfString(inserts.stream().map(Write::customer).toArray(String[]::new))
                    .addArrayOfString(inserts.stream().map(Write::body).toArray(String[]::new))
                    .addArrayOfString(inserts.stream().map(Write::state).toArray(String[]::new))
                    .addArrayOfUUID(updates.stream().map(Write::id).toArray(UUID[]::new))
                    .addArrayOfString(updates.stream().map(Write::state).toArray(String[]::new))
                    .addArrayOfString(updates.stream().map(Write::agent).toArray(String[]::new));
            journal.preparedQuery(FLUSH).execute(arrays).onComplete(result -> {
                synchronized (this) {
                    inFlight = false;
                }
                if (result.failed()) {
                    // Nothing of the batch is answered: the harness counts each as an error.
                    System.err.println("flush failed: " + result.cause());
                } else {
                    batch.forEach(write -> write.stored().run());
                }
                flush();
            });
        }
    }

    private final Centre centre;
    private final int port;

    private LifeFloor(Centre centre, int port) {
        this.centre = centre;
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String database = args.length > 1 ? args[1] : "postgres";
        start(Vertx.vertx(), "127.0.0.1:" + System.getenv().getOrDefault("PGPORT", "5432"), database, port)
                .onSuccess(id -> System.out.println("life floor listening on " + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    /** Creates its table in the database at {@code pg} (host:port, user postgres) and listens on {@code port}. */
    static Future<String> start(Vertx vertx, String pg, String database, int port) {
        Pool journal = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(new PgConnectOptions().setHost(pg.substring(0, pg.lastIndexOf(':')))
                        .setPort(Integer.parseInt(pg.substring(pg.lastIndexOf(':') + 1)))
                        .setUser("postgres").setDatabase(database))
                .using(vertx).build();
        Centre centre = new Centre(journal);
        return journal.query(TABLES).execute().compose(done -> vertx.deployVerticle(() -> new LifeFloor(centre, port),
                new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())));
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createHttpServer().webSocketHandler(this::agent).requestHandler(this::request)
                .listen(port).<Void>mapEmpty().onComplete(started);
    }

    private void request(HttpServerRequest request) {
        String path = request.path();
        String key = request.getHeader("Authorization");
        if (path.equals("/v1/contacts") && ("Bearer " + LoadRun.GATEWAY_KEY).equals(key)) {
            request.body().onSuccess(buffer -> {
                JsonObject body = buffer.toJsonObject();
                JsonObject customer = body.getJsonObject("customer");
                if (customer == null || customer.getString("id") == null) {
                    request.response().setStatusCode(400).end();
                    return;
                }
                Contact contact = new Contact(UUID.randomUUID(), customer.getString("id"));
                centre.write(new Write(contact.id(), contact.customer(), body.encode(), "QUEUED", null, () -> {
                    request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("id", contact.id().toString()).put("state", "QUEUED").encode());
                    centre.arrived(contact);
                }));
            });
        } else if (path.startsWith("/v1/agents/") && ("Bearer " + LoadRun.ADMIN_KEY).equals(key)) {
            String agentId = path.substring("/v1/agents/".length()).replace("/tokens", "");
            if (path.endsWith("/tokens")) {
                String token = UUID.randomUUID().toString();
                centre.agentByToken.put(token, agentId);
                request.response().setStatusCode(201).end(new JsonObject().put("token", token).encode());
            } else {
                request.body().onSuccess(profile -> request.response().setStatusCode(201).end(profile));
            }
        } else if (path.equals("/q/metrics")) {
            long allocated = ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
            request.response().end("jvm_gc_memory_allocated_bytes_total " + allocated + "\n");
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void agent(ServerWebSocket socket) {
        String key = socket.headers().get("Authorization");
        String agentId = key == null ? null : centre.agentByToken.get(key.substring("Bearer ".length()));
        if (!socket.path().equals("/v1/ws/agent") || agentId == null) {
            socket.reject(401);
            return;
        }
        Agent agent = new Agent(socket);
        socket.closeHandler(closed -> centre.left(agent));
        socket.textMessageHandler(text -> {
            JsonObject frame = new JsonObject(text);
            String contactId = frame.getString("contactId");
            switch (frame.getString("type", "")) {
                case "available" -> centre.available(agent);
                case "accept" -> centre.accept(agent, contactId, agentId);
                case "complete" -> centre.complete(agent, contactId, agentId);
                default -> socket.writeTextMessage(error(contactId));
            }
        });
    }

    private static String frame(String type, String contactId) {
        return new JsonObject().put("type", type).put("contactId", contactId).encode();
    }

    private static String error(String contactId) {
        return new JsonObject().put("type", "error").put("contactId", contactId).encode();
    }
}
