package io.welcomer.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The tests' own connection to the store: reads what is really stored, and injects faults
 * without restarting the database server, which other tests share.
 */
public final class Database implements AutoCloseable {

    /** The database the server under test uses, as its configuration says (PGPORT, _TEST_ overrides). */
    private static final String URL = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);

    private final Connection connection;

    private Database(Connection connection) {
        this.connection = connection;
    }

    /** The tests' database. */
    public static Database open() {
        return open(URL);
    }

    private static Database open(String url) {
        try {
            return new Database(DriverManager.getConnection(url, "postgres", ""));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until closed, the tests' database refuses new connections; those open stay open. */
    public static AutoCloseable refuseConnections() {
        String database = URL.substring(URL.lastIndexOf('/') + 1);
        String cluster = URL.substring(0, URL.lastIndexOf('/'));
        try (Database admin = open(cluster + "/postgres")) {
            admin.execute("alter database " + database + " with allow_connections false");
        }
        return () -> {
            try (Database admin = open(cluster + "/postgres")) {
                admin.execute("alter database " + database + " with allow_connections true");
            }
        };
    }

    /** The stored state of each of these contacts that is stored at all. */
    public Map<String, String> states(Collection<String> contactIds) {
        Map<String, String> states = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select id, state from contacts where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("varchar", contactIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    /** The stored state of every contact of customers whose id starts with this prefix. */
    public Map<String, String> statesOfCustomers(String customerPrefix) {
        Map<String, String> states = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select id, state from contacts where customer_id like ?")) {
            query.setString(1, customerPrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    public long count(String sql, Object... params) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row the query answers, in its order. */
    public List<String> strings(String sql, Object... params) {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the server's connections to this database with this application_name, as a network fault would. */
    public long terminate(String applicationName) {
        return count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = ? and datname = current_database()", applicationName);
    }

    /**
     * Holds an exclusive lock on the table until closed: every read and write of it waits, as
     * behind a long migration.
     */
    public static AutoCloseable lock(String table) {
        Database holder = open();
        try {
            holder.connection.setAutoCommit(false);
            holder.execute("lock table " + table + " in access exclusive mode");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return () -> {
            holder.connection.rollback();
            holder.close();
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
