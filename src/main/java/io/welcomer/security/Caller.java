package io.welcomer.security;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as people read it: a name (a key's name, a key's position such as
 * {@code admin-1}, or the name a sign-in carries) and the kind of caller. The name is the actor
 * in the audit trail and the {@code by} of a supervisor's action; it never reveals a key.
 */
public record Caller(String name, String role) {

    /** The identity attribute holding the caller's name. */
    static final String NAME = "welcomer.caller-name";
    /** The identity attribute holding the caller's kind (one of {@link Roles}). */
    static final String ROLE = "welcomer.caller-role";

    /** The caller behind an authenticated identity. */
    public static Caller of(SecurityIdentity identity) {
        String name = identity.getAttribute(NAME);
        String role = identity.getAttribute(ROLE);
        return new Caller(name != null ? name : identity.getPrincipal().getName(), role != null ? role : kindOf(identity));
    }

    private static String kindOf(SecurityIdentity identity) {
        for (String role : new String[] {Roles.ADMIN, Roles.SUPERVISOR, Roles.GATEWAY, Roles.AGENT}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return "anonymous";
    }
}
