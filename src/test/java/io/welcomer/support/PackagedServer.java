package io.welcomer.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged server run as a separate process on its own database, to be killed and started again. */
public final class PackagedServer implements AutoCloseable {

    public static final String GATEWAY_KEY = "crash-gateway-key";
    public static final String ADMIN_KEY = "crash-admin-key";
    /** Generous: on a 2-core machine shared with other builds a start can take a minute. */
    private static final Duration START_BOUND = Duration.ofMinutes(3);

    /** host:port of the PostgreSQL it runs on. */
    private final FreshDatabase store;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    public PackagedServer(String database) throws IOException, SQLException {
        this(Cluster.address(), database);
    }

    /** A server on a database of its own, made afresh on the PostgreSQL at this host:port. */
    public PackagedServer(String pg, String database) throws IOException, SQLException {
        this(FreshDatabase.create(pg, database), database);
    }

    private PackagedServer(FreshDatabase store, String name) throws IOException {
        this.store = store;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.log = Path.of("target", name + ".log");
    }

    /** A second server on the same database (a standby beside a leader), on its own port and log. */
    public static PackagedServer beside(PackagedServer first, String name) throws IOException {
        return new PackagedServer(first.store, name);
    }

    public int port() {
        return port;
    }

    /** A request to this server as an admin. */
    public RequestSpecification admin() {
        return given().port(port).auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON);
    }

    /** A request to this server as the gateway. */
    public RequestSpecification gateway() {
        return given().port(port).auth().oauth2(GATEWAY_KEY).contentType(ContentType.JSON);
    }

    /** Starts the jar and waits until it reports ready (routing state loaded, database up). */
    public void start() throws IOException, InterruptedException {
        start(Map.of());
    }

    /** Starts the jar with these environment variables changed and waits until it reports ready. */
    public void start(Map<String, String> environment) throws IOException, InterruptedException {
        launch(environment);
        Instant deadline = Instant.now().plus(START_BOUND);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + "; log:\n" + tail());
            }
            if (ready()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server not ready within " + START_BOUND + "; log:\n" + tail());
    }

    /** Starts the jar and waits until it is live but not ready: it stands by for another server. */
    public void startStandby(Map<String, String> environment) throws IOException, InterruptedException {
        launch(environment);
        Instant deadline = Instant.now().plus(START_BOUND);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + "; log:\n" + tail());
            }
            if (status("/q/health/live") == 200) {
                if (ready()) {
                    throw new AssertionError("server is ready, not standing by; log:\n" + tail());
                }
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server not live within " + START_BOUND + "; log:\n" + tail());
    }

    /** Starts the jar with these environment variables changed and answers its exit code; fails if it keeps running. */
    public int startExpectingExit(Map<String, String> environment) throws IOException, InterruptedException {
        launch(environment);
        if (!process.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("server still running after " + START_BOUND + "; log:\n" + tail());
        }
        return process.exitValue();
    }

    private void launch(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "WELCOMER_GATEWAY_KEYS", GATEWAY_KEY,
                "WELCOMER_ADMIN_KEYS", ADMIN_KEY,
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + store.pg() + "/" + store.name(),
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + store.pg() + "/" + store.name()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops it; answers how long the process took to exit (fails past the bound). */
    public Duration terminate(Duration bound) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("still running " + bound + " after SIGTERM:\n" + tail());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGSTOP: the process stops dead, as in a long pause or a partition, and keeps its sockets. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        if (exit != 0) {
            throw new AssertionError("kill -" + name + " failed with " + exit);
        }
    }

    /** A JDBC connection to this server's own database, to look at what it stored. */
    public Connection database() throws SQLException {
        return store.connect();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Whether it answers ready now (holds the routing lease, state loaded, database up). */
    public boolean ready() throws InterruptedException {
        return status("/q/health/ready") == 200;
    }

    private int status(String path) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
        store.close();
    }
}
