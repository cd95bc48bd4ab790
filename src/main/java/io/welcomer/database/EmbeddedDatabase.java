package io.welcomer.database;

import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL run by this process on a data directory that survives restarts: what the dev
 * profile and the tests use when no database is configured. One per process; it stops with the
 * server, after the journal has stored what the server accepted.
 */
public final class EmbeddedDatabase {

    /** The database the server uses inside the embedded cluster. */
    public static final String DATABASE = "welcomer";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /**
     * The library narrates each step at INFO, before Quarkus has applied its log levels (the
     * database starts while configuration is read); held here, as a level set on a logger nobody
     * references is forgotten.
     */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("io.zonky");
    /** initdb on a first start, on a 2-core machine shared with other builds, takes a while. */
    private static final Duration START_BOUND = Duration.ofMinutes(2);
    /** A server stopping drains for its shutdown delay and timeout before this process stops the database. */
    private static final Duration SERVER_STOP_BOUND = Duration.ofSeconds(15);

    private static EmbeddedDatabase running;

    private final Path dataDir;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDir, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.postgres = postgres;
    }

    /** The running embedded database on this data directory, started if it is not running yet. */
    public static synchronized EmbeddedDatabase on(Path dataDir) {
        if (running == null) {
            running = start(dataDir.toAbsolutePath().normalize());
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopAfterServer, "embedded-postgres-stop"));
        } else if (!running.dataDir.equals(dataDir.toAbsolutePath().normalize())) {
            throw new IllegalStateException("the embedded database already runs on " + running.dataDir
                    + ", not " + dataDir);
        }
        return running;
    }

    /** Stops the embedded database, if this process runs one. */
    public static synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.postgres.close();
            LOG.infof("embedded PostgreSQL stopped; its data stays in %s", running.dataDir);
        } catch (IOException e) {
            LOG.warnf(e, "embedded PostgreSQL in %s did not stop cleanly", running.dataDir);
        }
        running = null;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The reactive client's URL of the server's database. */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The JDBC URL (Flyway's) of the server's database. */
    public String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    /** A connection to the cluster's {@code postgres} database, to create or drop others. */
    public Connection administration() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static EmbeddedDatabase start(Path dataDir) {
        LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDir.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Stopped by this class once the server has stopped, never while the journal drains.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(START_BOUND)
                    // The library turns it off; the server answers 201 only once a contact is durable.
                    .setServerConfig("synchronous_commit", "on")
                    // TCP on localhost only: no socket file in a shared directory.
                    .setServerConfig("unix_socket_directories", "''")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setDataDirectoryCustomizer(EmbeddedDatabase::stopOrphan)
                    .start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start in " + dataDir + " (its log: " + log
                    + "): " + rootMessage(e) + ". If another Welcomer runs on this data directory, stop it or set"
                    + " welcomer.embedded.data-dir; to use another database set " + DatabaseChoice.SETTINGS, e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(dataDir, postgres);
        database.create(DATABASE);
        LOG.infof("embedded PostgreSQL on 127.0.0.1:%d, data in %s (log %s); it stops with the server",
                database.port(), dataDir, log);
        return database;
    }

    private void create(String name) {
        try (Connection connection = administration(); Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + name + "'").next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name + " in the embedded PostgreSQL", e);
        }
    }

    /**
     * A PostgreSQL left running on this data directory by a process that was killed: this
     * process holds the directory's lock now, so nobody else uses that server; it is stopped
     * before a new one starts.
     */
    private static void stopOrphan(File dataDir) {
        Path pidFile = dataDir.toPath().resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                            .filter(process -> process.info().command().orElse("").endsWith("postgres"));
            if (orphan.isPresent()) {
                LOG.infof("stopping the embedded PostgreSQL (pid %d) left running by a process that was killed",
                        orphan.get().pid());
                orphan.get().destroy();
                orphan.get().onExit().get(START_BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL left running on " + dataDir + " did not stop", e);
        }
    }

    /**
     * At the JVM's exit: a server that is stopping drains first (its own shutdown hook runs
     * beside this one); then the database stops, also when the server failed to start.
     */
    private static void stopAfterServer() {
        Application server = Application.currentApplication();
        if (server != null) {
            try {
                CompletableFuture.runAsync(server::awaitShutdown)
                        .get(SERVER_STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("the server did not stop within %s; stopping the embedded PostgreSQL anyway", SERVER_STOP_BOUND);
            }
        }
        stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
