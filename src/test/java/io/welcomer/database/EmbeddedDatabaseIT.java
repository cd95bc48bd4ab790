package io.welcomer.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on a machine without PostgreSQL: the packaged server in the dev
 * profile, as an ordinary user (nobody, when the tests run as root), with no datasource
 * configured, starts its own database and keeps what it stored across a stop and a start.
 */
class EmbeddedDatabaseIT {

    /** An unprivileged account every Debian has; it has no writable home, so every directory is given. */
    private static final String UNPRIVILEGED = "nobody";
    private static final Duration START_BOUND = Duration.ofMinutes(3);
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path log = Path.of("target", "embedded-database-it.log");
    private Path home;
    private Path dataDir;
    private int port;
    private Process process;

    @BeforeEach
    void aHomeForTheUser() throws IOException {
        home = Files.createTempDirectory("welcomer-embedded-it");
        dataDir = home.resolve("data");
        // A copy of the application, so that the user can read it wherever the checkout is.
        try (Stream<Path> files = Files.walk(Path.of("target", "quarkus-app"))) {
            for (Path file : files.toList()) {
                Path copy = home.resolve("app").resolve(Path.of("target", "quarkus-app").relativize(file).toString());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(home.resolve("tmp"));
        if (DatabaseChoice.runningAsRoot()) {
            UserPrincipal user = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED);
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.toList()) {
                    Files.setOwner(file, user);
                }
            }
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(log);
    }

    @AfterEach
    void removeIt() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void theDevProfileStartsItsOwnDatabaseAndKeepsAContactAcrossARestart() throws Exception {
        start();
        assertTrue(Files.readString(log).contains("embedded PostgreSQL on 127.0.0.1:"), "no embedded database:\n" + tail());

        String id = given().port(port).auth().oauth2("dev-gateway-key").contentType(ContentType.JSON)
                .header("Idempotency-Key", "embedded-it-1")
                .body("{\"channel\": \"voice\", \"customer\": {\"id\": \"cust-embedded\", \"name\": \"Sunil\"}}")
                .post("/v1/contacts")
                .then().statusCode(201).extract().path("id");

        stop();
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")),
                "the database still runs after the server stopped:\n" + tail());

        start();
        given().port(port).auth().oauth2("dev-gateway-key")
                .get("/v1/contacts/" + id)
                .then().statusCode(200)
                .body("state", equalTo("QUEUED"))
                .body("position", equalTo(1));
        stop();
    }

    /** The README's command, as the unprivileged user, with nothing in the environment that names a database. */
    private void start() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        if (DatabaseChoice.runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", UNPRIVILEGED, "--"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=dev", "-Dquarkus.http.port=" + port,
                "-Dwelcomer.embedded.data-dir=" + dataDir, "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-jar", home.resolve("app").resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.equals("PGPORT") || name.contains("DATASOURCE"));
        process = builder.start();
        Instant deadline = Instant.now().plus(START_BOUND);
        while (!ready()) {
            assertTrue(process.isAlive(), "server exited:\n" + tail());
            assertTrue(Instant.now().isBefore(deadline), "server not ready within " + START_BOUND + ":\n" + tail());
            Thread.sleep(200);
        }
    }

    /** SIGTERM to the server itself (runuser would kill a child that takes more than 2 s to stop). */
    private void stop() throws IOException, InterruptedException {
        ProcessHandle server = process.toHandle().descendants()
                .filter(child -> child.info().command().orElse("").endsWith("/java"))
                .findFirst().orElse(process.toHandle());
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor());
        assertTrue(process.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM:\n" + tail());
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
