package io.welcomer.switchboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Connections opened as the journal opens its own (its session settings), for tests of its statements. */
@ApplicationScoped
class JournalConnections {

    private final Vertx vertx;
    private final JournalConfig config;
    private final String url;
    private final String user;

    JournalConnections(Vertx vertx, JournalConfig config,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user) {
        this.vertx = vertx;
        this.config = config;
        this.url = url;
        this.user = user;
    }

    PgConnection open() throws Exception {
        return await(PgConnection.connect(vertx, Journal.connectOptions(PgConnectOptions.fromUri(url).setUser(user),
                config)));
    }

    /** Writes one flush's statements on {@code connection} as the journal does; answers their SQL, in order. */
    static List<String> flush(PgConnection connection, Write... writes) throws Exception {
        List<Statements.Statement> statements = Statements.of(Arrays.asList(writes));
        for (Statements.Statement statement : statements) {
            await(connection.preparedQuery(statement.sql()).execute(statement.params()));
        }
        return statements.stream().map(Statements.Statement::sql).toList();
    }

    /** The future's result, within ten seconds. */
    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
