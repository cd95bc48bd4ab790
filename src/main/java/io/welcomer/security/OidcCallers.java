package io.welcomer.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A sign-in through the centre's provider as a Welcomer caller: named by
 * {@code welcomer.oidc.agent-claim}, with only the roles {@code welcomer-agent},
 * {@code welcomer-supervisor} and {@code welcomer-admin} of {@code welcomer.oidc.roles-claim}
 * mapped to Welcomer's own. Any other group or role the provider sends grants nothing, so a
 * centre's group called "admin" is no Welcomer admin. An agent is named by the claim, which must
 * be an agent id; without one the sign-in holds no agent role.
 */
@ApplicationScoped
public class OidcCallers implements SecurityIdentityAugmentor {

    static final String AGENT = "welcomer-agent";
    static final String SUPERVISOR = "welcomer-supervisor";
    static final String ADMIN = "welcomer-admin";
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Longer names are cut in the audit trail. */
    private static final int MAX_NAME = 128;

    private final String nameClaim;
    private final List<String> rolesPath;

    OidcCallers(WelcomerConfig config) {
        this.nameClaim = config.oidc().agentClaim();
        this.rolesPath = List.of(config.oidc().rolesClaim().split("\\."));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(callerOf(identity, token));
    }

    private SecurityIdentity callerOf(SecurityIdentity signedIn, JsonWebToken token) {
        Object claim = token.getClaim(nameClaim);
        String claimed = claim == null ? null : text(claim);
        String name = claimed != null && !claimed.isBlank() ? claimed : token.getSubject();
        if (name == null || name.isBlank()) {
            name = "unnamed";
        }
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        Set<String> welcomerRoles = rolesIn(token);
        Set<String> granted = new LinkedHashSet<>();
        String role = null;
        if (welcomerRoles.contains(ADMIN)) {
            granted.addAll(Roles.grantedTo(Roles.ADMIN));
            role = Roles.ADMIN;
        }
        if (welcomerRoles.contains(SUPERVISOR)) {
            granted.addAll(Roles.grantedTo(Roles.SUPERVISOR));
            role = role == null ? Roles.SUPERVISOR : role;
        }
        if (welcomerRoles.contains(AGENT) && claimed != null && AGENT_ID.matcher(claimed).matches()) {
            granted.add(Roles.AGENT);
            role = role == null ? Roles.AGENT : role;
        }
        QuarkusSecurityIdentity.Builder caller = QuarkusSecurityIdentity.builder()
                .setPrincipal(new SignedInPrincipal(name, token))
                .addCredentials(signedIn.getCredentials())
                .addAttributes(signedIn.getAttributes())
                .addRoles(granted)
                .addAttribute(Caller.NAME, name)
                .setAnonymous(false);
        if (role != null) {
            caller.addAttribute(Caller.ROLE, role);
        }
        return caller.build();
    }

    /** The Welcomer roles in the roles claim, following its dotted path through objects. */
    private Set<String> rolesIn(JsonWebToken token) {
        Object value = token.getClaim(rolesPath.getFirst());
        for (String step : rolesPath.subList(1, rolesPath.size())) {
            value = value instanceof JsonObject object ? object.get(step) : null;
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(each -> values.add(text(each)));
        } else if (value instanceof JsonArray array) {
            array.forEach(each -> values.add(text(each)));
        } else if (value != null) {
            values.add(text(value));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String each : values) {
            if (AGENT.equals(each) || SUPERVISOR.equals(each) || ADMIN.equals(each)) {
                roles.add(each);
            }
        }
        return roles;
    }

    private static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case JsonString s -> s.getString();
            case JsonValue v -> null;
            default -> value.toString();
        };
    }
}
