package io.welcomer.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The server with sign-in through an OpenID Connect provider: the local WireMock provider of
 * {@code quarkus-test-oidc-server} (no network), whose key signs the tokens minted here as the
 * provider would issue them.
 */
public class OidcProvider implements QuarkusTestProfile {

    /** The issuer the local provider announces. */
    static final String ISSUER = "https://server.example.com";
    public static final String CONSOLE_CLIENT = "welcomer-console";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.client-id", CONSOLE_CLIENT);
    }

    /** An access token naming this person (preferred_username) with these groups, valid for {@code life}. */
    public static String token(String name, Duration life, String... groups) {
        return sign(Jwt.preferredUserName(name).subject("sub-" + name), life, groups);
    }

    /** An access token with no preferred_username: the person is only a subject. */
    public static String unnamedToken(Duration life, String... groups) {
        return sign(Jwt.subject("sub-unnamed"), life, groups);
    }

    private static String sign(JwtClaimsBuilder claims, Duration life, String... groups) {
        Instant now = Instant.now();
        return claims.groups(Set.of(groups))
                .issuer(ISSUER)
                .audience(ISSUER)
                .issuedAt(now.minus(life.isNegative() ? life.abs().plusMinutes(5) : Duration.ZERO))
                .expiresAt(now.plus(life))
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
