package io.welcomer.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What "configured" means to {@link DatabaseSettings}, read the way Quarkus reads it: a value in
 * the environment, a profile's environment variable or file entry is configured, and wins.
 * (Cases that would start the embedded database are {@link DatabaseChoiceTest}'s and the
 * packaged server's, in EmbeddedDatabaseIT.)
 */
class DatabaseSettingsTest {

    private static final String CONFIGURED = "postgresql://db.example:5432/welcomer";

    @Test
    void theEnvironmentsUrlWins() {
        SmallRyeConfig config = config("test", Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", CONFIGURED,
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:" + CONFIGURED, "PGPORT", "5499"), Map.of());
        assertEquals(CONFIGURED, config.getValue(DatabaseSettings.REACTIVE_URL, String.class));
        assertEquals("jdbc:" + CONFIGURED, config.getValue(DatabaseSettings.JDBC_URL, String.class));
    }

    @Test
    void theTestProfilesOwnEnvironmentVariablesWin() {
        SmallRyeConfig config = config("test", Map.of("_TEST_QUARKUS_DATASOURCE_REACTIVE_URL", CONFIGURED,
                "_TEST_QUARKUS_DATASOURCE_JDBC_URL", "jdbc:" + CONFIGURED), Map.of());
        assertEquals(CONFIGURED, config.getValue(DatabaseSettings.REACTIVE_URL, String.class));
        assertEquals("jdbc:" + CONFIGURED, config.getValue(DatabaseSettings.JDBC_URL, String.class));
    }

    @Test
    void aProfileEntryInAFileWins() {
        SmallRyeConfig config = config("dev", Map.of(), Map.of("%dev.quarkus.datasource.reactive.url", CONFIGURED,
                "%dev.quarkus.datasource.jdbc.url", "jdbc:" + CONFIGURED));
        assertEquals(CONFIGURED, config.getValue(DatabaseSettings.REACTIVE_URL, String.class));
    }

    @Test
    void pgportGivesTheTestsTheirLocalCluster() {
        SmallRyeConfig config = config("test", Map.of("PGPORT", "5499"), Map.of());
        assertEquals("postgresql://127.0.0.1:5499/test", config.getValue(DatabaseSettings.REACTIVE_URL, String.class));
        assertEquals("jdbc:postgresql://127.0.0.1:5499/test", config.getValue(DatabaseSettings.JDBC_URL, String.class));
    }

    private static SmallRyeConfig config(String profile, Map<String, String> environment, Map<String, String> file) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withSources(new EnvConfigSource(environment, 300), new PropertiesConfigSource(file, "file", 250))
                .withSources(new DatabaseSettings())
                .build();
    }
}
