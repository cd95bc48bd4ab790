package io.welcomer.switchboard;

import io.vertx.pgclient.PgException;

/** Reads PostgreSQL's SQLSTATE out of a failure's cause chain, in one place. */
public final class SqlStates {

    private SqlStates() {
    }

    /** The first SQLSTATE in the cause chain, or null when the failure did not come from PostgreSQL. */
    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
        }
        return null;
    }

    /** Classes 22 (data exception) and 23 (integrity constraint violation): the values, not the store, are at fault. */
    public static boolean isBadData(Throwable failure) {
        String state = of(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The journal's fence refused the write: this process's epoch no longer holds the routing lease. */
    public static boolean isFenced(Throwable failure) {
        return "WLF01".equals(of(failure));
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return "23505".equals(of(failure));
    }
}
