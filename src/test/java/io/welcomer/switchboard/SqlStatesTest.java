package io.welcomer.switchboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/** Store failures told apart by SQLSTATE class and by how the connection failed, not by a list of codes. */
class SqlStatesTest {

    private static PgException pg(String sqlState) {
        return new PgException("failed", "FATAL", sqlState, null);
    }

    @Test
    void anOutageIsUnavailableWhateverItsCodeInTheClass() {
        for (String state : List.of("57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "53000", "53100",
                "53200", "53300", "40001", "40P01")) {
            assertTrue(SqlStates.isUnavailable(pg(state)), state);
            // However it is wrapped on its way up.
            assertTrue(SqlStates.isUnavailable(new CompletionException(new HibernateException("read", pg(state)))), state);
        }
    }

    @Test
    void aConnectionThatFailedWithoutAnAnswerIsUnavailable() {
        assertTrue(SqlStates.isUnavailable(new ConnectException("Connection refused")));
        assertTrue(SqlStates.isUnavailable(new CompletionException(ClosedConnectionException.INSTANCE)));
        assertTrue(SqlStates.isUnavailable(new RuntimeException(new java.io.IOException("reset by peer"))));
    }

    @Test
    void aRequestsOwnFaultOrABugIsNotUnavailable() {
        for (String state : List.of("22021", "23505", "42P01", "42703", "0A000", "WLF01", "40002", "57014")) {
            assertFalse(SqlStates.isUnavailable(pg(state)), state);
        }
        assertFalse(SqlStates.isUnavailable(new IllegalStateException("a bug")));
        assertTrue(SqlStates.isBadData(pg("22021")));
        assertFalse(SqlStates.isBadData(pg("57P03")));
    }
}
