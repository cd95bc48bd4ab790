package io.welcomer.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a bearer credential into a caller: a gateway or admin key, or an agent token. */
@ApplicationScoped
public class BearerIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    /** An agent identity's attribute: the Instant its token expires, when its session is closed. */
    public static final String TOKEN_EXPIRES_AT = "welcomer.token-expires-at";

    private final ApiKeys keys;
    private final AgentTokens tokens;

    BearerIdentities(ApiKeys keys, AgentTokens tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken().getToken();
        var caller = keys.identify(presented);
        if (caller.isPresent()) {
            var identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.get().name()))
                    .addRole(Roles.GATEWAY);
            if (Roles.ADMIN.equals(caller.get().role())) {
                identity.addRole(Roles.ADMIN);
            }
            return Uni.createFrom().item(identity.build());
        }
        return tokens.holderOf(presented)
                .map(holder -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.agentId()))
                        .addRole(Roles.AGENT)
                        .addAttribute(TOKEN_EXPIRES_AT, holder.expiresAt())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown credential")));
    }
}
