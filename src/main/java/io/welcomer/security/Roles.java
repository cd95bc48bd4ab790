package io.welcomer.security;

import java.util.Set;

/**
 * The kinds of caller. An admin may also do whatever a supervisor or a gateway may; a supervisor
 * watches and steers the floor; a gateway hands contacts over; an agent takes them.
 */
public final class Roles {

    public static final String GATEWAY = "gateway";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";

    private Roles() {
    }

    /** The roles a caller of this kind holds. */
    public static Set<String> grantedTo(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, SUPERVISOR, GATEWAY);
            case SUPERVISOR -> Set.of(SUPERVISOR);
            case GATEWAY -> Set.of(GATEWAY);
            case AGENT -> Set.of(AGENT);
            default -> throw new IllegalArgumentException("no role " + role);
        };
    }
}
