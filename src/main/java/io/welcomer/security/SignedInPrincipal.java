package io.welcomer.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A sign-in's token under the name Welcomer knows the person by (an agent's id, the audit's actor).
 * It stays a token, so the provider's checks on it (the same subject when a socket's sign-in is
 * refreshed) still find its claims.
 */
record SignedInPrincipal(String name, JsonWebToken token) implements JsonWebToken {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return token.getClaim(claimName);
    }
}
