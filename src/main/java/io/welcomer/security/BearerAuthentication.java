package io.welcomer.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <key or token>}; on the agent WebSocket upgrade a browser
 * may send the token as the {@code access_token} query parameter instead (RFC 6750 2.3). A key
 * or a minted agent token is known here; anything else is left to the provider's own bearer
 * check (quarkus-oidc), when a provider is connected, which reads the Authorization header: a
 * browser's query token is handed to it there.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

    static final String AGENT_SOCKET_PATH = "/v1/ws/agent";
    private static final String PREFIX = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String credential = credentialOf(context);
        if (credential == null || credential.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        var request = new TokenAuthenticationRequest(new TokenCredential(credential.strip(), "bearer"));
        // An unknown credential counts as none here: the role check then answers 401. Failing here
        // instead would send the request down the error path, whose log names the full URI,
        // and with it a browser's access_token.
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    /** Before the provider's own bearer check: keys and minted tokens are known without asking a provider. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    private static String credentialOf(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return header.substring(PREFIX.length());
        }
        if (AGENT_SOCKET_PATH.equals(context.normalizedPath())) {
            String token = context.request().getParam("access_token");
            if (token != null) {
                context.request().headers().set(HttpHeaders.AUTHORIZATION, PREFIX + token);
            }
            return token;
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
