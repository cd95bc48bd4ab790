package io.welcomer.security;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.problems.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * How the console and the floor sign in through the centre's OpenID Connect provider: its
 * endpoints and the public client to use (authorization code with PKCE, in the browser). Read by
 * the pages before anyone is signed in, so it needs no credential and holds nothing secret.
 */
@Path("/v1/sign-in")
@PermitAll
public class SignInResource {

    /** What a browser needs to sign someone in at the provider and to refresh the sign-in. */
    public record SignIn(String authorizationEndpoint, String tokenEndpoint, String endSessionEndpoint,
                         String clientId, String scope) {}

    private final boolean enabled;
    private final Optional<String> clientId;
    private final String scope;
    private final Instance<OidcConfigurationMetadata> provider;

    SignInResource(@ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean enabled,
                   @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> serverClientId,
                   WelcomerConfig config, Instance<OidcConfigurationMetadata> provider) {
        this.enabled = enabled;
        this.clientId = config.oidc().consoleClientId().or(() -> serverClientId);
        this.scope = config.oidc().consoleScope();
        this.provider = provider;
    }

    @GET
    @Operation(summary = "How the console and the floor sign in through the centre's provider, when it is connected")
    @APIResponse(responseCode = "200", description = "The provider's endpoints and the console's client")
    @APIResponse(responseCode = "404", description = "No provider is connected: people sign in with keys and tokens")
    public SignIn signIn() {
        if (!enabled || clientId.isEmpty()) {
            throw ProblemException.notFound("no OpenID Connect provider is connected; sign in with a key or a token");
        }
        OidcConfigurationMetadata metadata = provider.get();
        return new SignIn(metadata.getAuthorizationUri(), metadata.getTokenUri(), metadata.getEndSessionUri(),
                clientId.get(), scope);
    }
}
