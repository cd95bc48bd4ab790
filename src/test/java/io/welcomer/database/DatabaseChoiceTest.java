package io.welcomer.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule the README's "Database" section states: which PostgreSQL the server uses when none is configured. */
class DatabaseChoiceTest {

    private static final Optional<String> NO_PGPORT = Optional.empty();

    @Test
    void aConfiguredUrlAlwaysWins() {
        for (List<String> profiles : List.of(List.of("dev"), List.of("test"), List.of("prod"))) {
            for (boolean root : new boolean[] {true, false}) {
                assertInstanceOf(DatabaseChoice.Configured.class,
                        DatabaseChoice.of(profiles, true, Optional.of("5433"), root), profiles + " root " + root);
            }
        }
    }

    @Test
    void anOrdinaryUserInDevOrTestGetsTheEmbeddedDatabase() {
        assertInstanceOf(DatabaseChoice.Embedded.class, DatabaseChoice.of(List.of("dev"), false, NO_PGPORT, false));
        assertInstanceOf(DatabaseChoice.Embedded.class, DatabaseChoice.of(List.of("test"), false, NO_PGPORT, false));
    }

    @Test
    void prodNeverStartsOneAndNamesTheSettings() {
        for (boolean root : new boolean[] {true, false}) {
            DatabaseChoice choice = DatabaseChoice.of(List.of("prod"), false, NO_PGPORT, root);
            DatabaseChoice.Missing missing = assertInstanceOf(DatabaseChoice.Missing.class, choice);
            assertTrue(missing.notice().contains("QUARKUS_DATASOURCE_REACTIVE_URL"), missing.notice());
        }
        assertInstanceOf(DatabaseChoice.Missing.class, DatabaseChoice.of(List.of("staging"), false, NO_PGPORT, false));
    }

    @Test
    void pgportPutsTheTestsOnThatLocalCluster() {
        for (boolean root : new boolean[] {true, false}) {
            DatabaseChoice.Local local = assertInstanceOf(DatabaseChoice.Local.class,
                    DatabaseChoice.of(List.of("test"), false, Optional.of("5435"), root));
            assertEquals("postgresql://127.0.0.1:5435/test", local.reactiveUrl());
            assertEquals("jdbc:postgresql://127.0.0.1:5435/test", local.jdbcUrl());
            assertTrue(local.notice().isEmpty());
        }
    }

    @Test
    void pgportIsTheTestsSettingNotTheDevProfiles() {
        assertInstanceOf(DatabaseChoice.Embedded.class, DatabaseChoice.of(List.of("dev"), false, Optional.of("5435"), false));
    }

    @Test
    void testsAsRootUseTheLocalClusterOn5432AsBefore() {
        DatabaseChoice.Local local = assertInstanceOf(DatabaseChoice.Local.class,
                DatabaseChoice.of(List.of("test"), false, NO_PGPORT, true));
        assertEquals("postgresql://127.0.0.1:5432/test", local.reactiveUrl());
        assertTrue(local.notice().isEmpty());
    }

    @Test
    void devAsRootSaysWhyInOneLineAndNamesTheSettings() {
        DatabaseChoice.Local local = assertInstanceOf(DatabaseChoice.Local.class,
                DatabaseChoice.of(List.of("dev"), false, NO_PGPORT, true));
        assertEquals("postgresql://127.0.0.1:5432/postgres", local.reactiveUrl());
        String notice = local.notice().orElseThrow();
        assertTrue(notice.contains("root") && notice.contains("QUARKUS_DATASOURCE_JDBC_URL")
                && notice.contains("QUARKUS_DATASOURCE_PASSWORD") && !notice.contains("\n"), notice);
    }
}
