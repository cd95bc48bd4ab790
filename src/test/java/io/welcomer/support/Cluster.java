package io.welcomer.support;

import io.welcomer.database.DatabaseChoice;
import io.welcomer.database.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL that packaged servers started by the tests get their databases on, chosen by the
 * rule the server applies to itself: PGPORT's cluster, 127.0.0.1:5432 as root, or else an
 * embedded one that this test JVM runs (and stops at its exit).
 */
public final class Cluster {

    private static String address;

    private Cluster() {
    }

    /** host:port of the cluster, trust authentication for the user postgres. */
    public static synchronized String address() {
        if (address == null) {
            DatabaseChoice choice = DatabaseChoice.of(List.of("test"), false,
                    Optional.ofNullable(System.getenv("PGPORT")), DatabaseChoice.runningAsRoot());
            address = "127.0.0.1:" + switch (choice) {
                case DatabaseChoice.Local local -> local.port();
                case DatabaseChoice.Embedded embedded ->
                        EmbeddedDatabase.on(Path.of("target", "embedded-postgres-packaged")).port();
                case DatabaseChoice.Configured configured -> throw new IllegalStateException(choice.toString());
                case DatabaseChoice.Missing missing -> throw new IllegalStateException(missing.notice());
            };
        }
        return address;
    }
}
