package io.welcomer.database;

import com.sun.security.auth.module.UnixSystem;
import java.util.List;
import java.util.Optional;

/**
 * Which PostgreSQL the server uses when its URLs are not configured: the rule the README's
 * "Database" section explains. A configured URL always wins; only the dev and test profiles
 * fall back; the embedded database is the fallback for an ordinary user, because PostgreSQL
 * refuses to run as root.
 */
public sealed interface DatabaseChoice {

    /** Where the dev and test profiles used to look, and still do as root: a local cluster. */
    int LOCAL_PORT = 5432;
    String TEST_DATABASE = "test";
    String DEV_DATABASE = "postgres";
    /** The settings that point the server at a database of one's own, named in every notice. */
    String SETTINGS = "QUARKUS_DATASOURCE_REACTIVE_URL, QUARKUS_DATASOURCE_JDBC_URL,"
            + " QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD";

    /** A URL came from configuration (system property, environment, .env, application.properties): nothing to add. */
    record Configured() implements DatabaseChoice {
    }

    /** No URL and not a profile that falls back (prod or another): the server refuses to start and says why. */
    record Missing(String notice) implements DatabaseChoice {
    }

    /** A cluster on 127.0.0.1 at this port, as before the embedded database; with a notice to log, if any. */
    record Local(int port, String database, Optional<String> notice) implements DatabaseChoice {

        public String reactiveUrl() {
            return "postgresql://127.0.0.1:" + port + "/" + database;
        }

        public String jdbcUrl() {
            return "jdbc:" + reactiveUrl();
        }
    }

    /** The embedded PostgreSQL, started when the datasource first asks for its URL. */
    record Embedded() implements DatabaseChoice {
    }

    /**
     * @param profiles the active profiles
     * @param urlConfigured whether any source gives {@code quarkus.datasource.reactive.url} or {@code .jdbc.url}
     * @param pgPort the environment's PGPORT: the tests' local cluster, as engineers run them side by side
     * @param root whether this process runs as root
     */
    static DatabaseChoice of(List<String> profiles, boolean urlConfigured, Optional<String> pgPort, boolean root) {
        if (urlConfigured) {
            return new Configured();
        }
        boolean test = profiles.contains("test");
        if (!test && !profiles.contains("dev")) {
            return new Missing("no database configured: the " + String.join(",", profiles)
                    + " profile never starts an embedded one; set " + SETTINGS);
        }
        if (test && pgPort.isPresent()) {
            return new Local(Integer.parseInt(pgPort.get().strip()), TEST_DATABASE, Optional.empty());
        }
        if (root) {
            return new Local(LOCAL_PORT, test ? TEST_DATABASE : DEV_DATABASE, test ? Optional.empty() : Optional.of(
                    "running as root, and PostgreSQL refuses to run as root: no embedded database, using"
                            + " 127.0.0.1:" + LOCAL_PORT + "/" + DEV_DATABASE + "; run as an ordinary user for the"
                            + " embedded one, or set " + SETTINGS));
        }
        return new Embedded();
    }

    /** PostgreSQL refuses to run as root, so root never gets the embedded database. */
    static boolean runningAsRoot() {
        return new UnixSystem().getUid() == 0;
    }
}
