package io.welcomer.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Supplies the datasource URLs when none is configured, as {@link DatabaseChoice} decides. The
 * values are computed when the datasource first reads them at start-up, so the embedded database
 * starts before Flyway and the pools, and never while Quarkus builds the application (its build
 * reads configuration too, but not these keys).
 */
public class DatabaseSettings implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "welcomer.embedded.data-dir";
    /** Below every file and the environment: a configured value wins even where this source has one. */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        DatabaseChoice choice = DatabaseChoice.of(context.getProfiles(),
                configured(context, REACTIVE_URL) || configured(context, JDBC_URL),
                Optional.ofNullable(context.getValue("PGPORT").getValue()), DatabaseChoice.runningAsRoot());
        return switch (choice) {
            case DatabaseChoice.Configured configured -> List.of();
            case DatabaseChoice.Missing missing -> List.of(new Urls(() -> {
                Logger.getLogger(DatabaseSettings.class).error(missing.notice());
                return null;
            }));
            case DatabaseChoice.Local local -> List.of(new Urls(() -> {
                local.notice().ifPresent(Logger.getLogger(DatabaseSettings.class)::warn);
                return new String[] {local.reactiveUrl(), local.jdbcUrl()};
            }));
            case DatabaseChoice.Embedded embedded -> {
                Path dataDir = Path.of(context.getValue(DATA_DIR).getValue());
                yield List.of(new Urls(() -> {
                    EmbeddedDatabase database = EmbeddedDatabase.on(dataDir);
                    return new String[] {database.reactiveUrl(), database.jdbcUrl()};
                }));
            }
        };
    }

    private static boolean configured(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value.getValue() != null && !value.getValue().isBlank();
    }

    /**
     * The two URLs, worked out on the first read (null: none). Its property names are empty on
     * purpose: Quarkus's build reads every listed name, and must not start a database.
     */
    private static final class Urls implements ConfigSource {

        private final Supplier<String[]> resolve;
        private String[] urls;
        private boolean resolved;

        Urls(Supplier<String[]> resolve) {
            this.resolve = resolve;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public synchronized String getValue(String name) {
            int index = name.equals(REACTIVE_URL) ? 0 : name.equals(JDBC_URL) ? 1 : -1;
            if (index < 0) {
                return null;
            }
            if (!resolved) {
                urls = resolve.get();
                resolved = true;
            }
            return urls == null ? null : urls[index];
        }

        @Override
        public String getName() {
            return "Welcomer's database when none is configured";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }
}
