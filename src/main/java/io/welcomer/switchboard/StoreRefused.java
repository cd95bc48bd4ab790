package io.welcomer.switchboard;

/** PostgreSQL refused a value of this command (SQLSTATE class 22 or 23); its batch mates were stored. */
public class StoreRefused extends RuntimeException {

    public StoreRefused(Throwable cause) {
        super("the store refused a value: " + cause.getMessage(), cause, false, false);
    }

    /** The SQLSTATE PostgreSQL gave, e.g. 22021 for a NUL in text. */
    public String sqlState() {
        return SqlStates.of(getCause());
    }
}
