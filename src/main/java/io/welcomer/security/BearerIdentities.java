package io.welcomer.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a bearer credential into a caller: a gateway, supervisor or admin key, or an agent token.
 * A credential it does not know is none of these; the provider's own bearer check (quarkus-oidc)
 * may still know it as a sign-in.
 */
@ApplicationScoped
public class BearerIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    /** An agent identity's attribute: the Instant its token expires, when its session is closed. */
    public static final String TOKEN_EXPIRES_AT = "welcomer.token-expires-at";
    /** Set on the identity of a configured key, which the per-key rate limit applies to. */
    static final String KEY = "welcomer.key";

    private final ApiKeys keys;
    private final AgentTokens tokens;
    /**
     * Each configured key's identity, built once: keys are read from configuration at start and
     * an identity is immutable, so every request with a key shares its key's identity.
     */
    private final Map<ApiKeys.KeyCaller, SecurityIdentity> keyIdentities = new HashMap<>();

    BearerIdentities(ApiKeys keys, AgentTokens tokens) {
        this.keys = keys;
        this.tokens = tokens;
        for (ApiKeys.KeyCaller known : keys.callers()) {
            keyIdentities.put(known, QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(known.principal()))
                    .addRoles(Roles.grantedTo(known.caller().role()))
                    .addAttribute(Caller.NAME, known.caller().name())
                    .addAttribute(Caller.ROLE, known.caller().role())
                    .addAttribute(KEY, true)
                    .build());
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken().getToken();
        var known = keys.identify(presented);
        if (known.isPresent()) {
            return Uni.createFrom().item(keyIdentities.get(known.get()));
        }
        return tokens.holderOf(presented)
                .map(holder -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.agentId()))
                        .addRole(Roles.AGENT)
                        .addAttribute(TOKEN_EXPIRES_AT, holder.expiresAt())
                        .build()))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

}
