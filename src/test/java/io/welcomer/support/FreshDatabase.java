package io.welcomer.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of a test's own on a PostgreSQL cluster ({@code pg} is host:port, user postgres with
 * trust authentication), dropped on close.
 */
public record FreshDatabase(String pg, String name) implements AutoCloseable {

    /** Drops any database of that name left by an earlier run and creates it empty. */
    public static FreshDatabase create(String pg, String name) throws SQLException {
        FreshDatabase database = new FreshDatabase(pg, name);
        database.onCluster("drop database if exists " + name + " with (force)");
        database.onCluster("create database " + name);
        return database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + pg + "/" + name, "postgres", "");
    }

    @Override
    public void close() throws SQLException {
        onCluster("drop database if exists " + name + " with (force)");
    }

    private void onCluster(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
