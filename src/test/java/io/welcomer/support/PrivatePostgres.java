package io.welcomer.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, made with the installed server binaries (initdb, pg_ctl)
 * in a temporary directory on a free port, so that a test can restart it without touching the
 * cluster the rest of the suite uses. As root (PostgreSQL refuses to run as root) it runs as the
 * postgres user.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
    }

    /** Makes the cluster (trust authentication for postgres) and starts it. */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("welcomer-private-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgres cluster = new PrivatePostgres(binaries(), home, port);
        if (asRoot()) {
            run(List.of("chown", "postgres", home.toString()));
        }
        cluster.pg("initdb", "-D", cluster.data.toString(), "--auth=trust", "-U", "postgres");
        cluster.pgCtl("start");
        return cluster;
    }

    /** host:port */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** A fast restart, as an operator's or a failover's: sessions are cut, the server is down a moment. */
    public void restart() throws IOException, InterruptedException {
        pgCtl("restart", "-m", "fast");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void pgCtl(String action, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pg_ctl", "-D", data.toString(), "-w", "-l",
                home.resolve("log").toString(), "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1", action));
        command.addAll(List.of(more));
        pg(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
    }

    private void pg(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The server binaries: pg_config's bindir, else the newest /usr/lib/postgresql/N/bin. */
    private static Path binaries() throws IOException, InterruptedException {
        try {
            Process config = new ProcessBuilder("pg_config", "--bindir").start();
            String dir = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (config.waitFor() == 0 && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        } catch (IOException noPgConfig) {
            // Look where Debian puts them.
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                return installed.map(version -> version.resolve("bin"))
                        .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                        .max(Comparator.comparing(dir -> Integer.parseInt(dir.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))))
                        .orElseThrow(PrivatePostgres::missing);
            }
        }
        throw missing();
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql"
                + " package (.ci/run does)");
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
