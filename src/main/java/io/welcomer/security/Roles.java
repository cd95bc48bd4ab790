package io.welcomer.security;

/** The three kinds of caller. An admin may also do whatever a gateway may. */
public final class Roles {

    public static final String GATEWAY = "gateway";
    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";

    private Roles() {
    }
}
