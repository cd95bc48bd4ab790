package io.welcomer.switchboard;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;

/** Reads PostgreSQL's SQLSTATE out of a failure's cause chain and tells what kind of failure it is, in one place. */
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

    /**
     * The store could not do it now, and the same request may succeed later: a lost or refused
     * connection (class 08, or no PostgreSQL answer at all: an I/O error, a closed connection),
     * an operator's intervention such as a shutdown or a start-up (57P0x), insufficient resources
     * (class 53), or a transaction PostgreSQL gave up to let another through (40001
     * serialization failure, 40P01 deadlock). Such a refusal is a 503 with Retry-After, never a 500.
     */
    public static boolean isUnavailable(Throwable failure) {
        String state = of(failure);
        if (state != null) {
            return state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53")
                    || state.equals("40001") || state.equals("40P01");
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof ClosedConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** The journal's fence refused the write: this process's epoch no longer holds the routing lease. */
    public static boolean isFenced(Throwable failure) {
        return "WLF01".equals(of(failure));
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return "23505".equals(of(failure));
    }
}
