package io.welcomer.security;

import io.quarkus.runtime.Startup;
import io.welcomer.config.WelcomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gateway, supervisor and admin keys from configuration, held hashed and compared in constant
 * time. A key may be named, {@code name:secret}; an unnamed key is named by its role and its
 * position in its list ({@code admin-1}). Read at start, so a bad list stops the server there.
 */
@ApplicationScoped
@Startup
public class ApiKeys {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * A key's caller. {@code principal} is who owns what the key creates (a gateway's contacts and
     * events): the name of a named key; for an unnamed key, as before names existed, a fingerprint
     * of the key, so that reordering unnamed keys never hands one gateway's contacts to another.
     */
    public record KeyCaller(Caller caller, String principal) {}

    /** A configured key as written: its secret and its caller. */
    record ConfiguredKey(String secret, KeyCaller caller) {}

    private record Known(byte[] hash, KeyCaller caller) {}

    private final List<Known> known = new ArrayList<>();

    @Inject
    ApiKeys(WelcomerConfig config) {
        this(configured(config));
    }

    /** Refuses two keys of one name, or one secret in two places. */
    ApiKeys(List<ConfiguredKey> keys) {
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (ConfiguredKey key : keys) {
            if (!names.add(key.caller().caller().name())) {
                throw new IllegalStateException("two configured keys are named '" + key.caller().caller().name()
                        + "'; every key needs its own name, as it is the actor in the audit trail");
            }
            if (!secrets.add(key.secret())) {
                throw new IllegalStateException("the key named '" + key.caller().caller().name()
                        + "' is configured twice; a key belongs to one caller and one role");
            }
            known.add(new Known(Secrets.sha256(key.secret()), key.caller()));
        }
    }

    /** Every configured key: the gateways', the supervisors' and the admins'. */
    static List<ConfiguredKey> configured(WelcomerConfig config) {
        List<ConfiguredKey> keys = new ArrayList<>();
        keys.addAll(parse(config.gatewayKeys(), Roles.GATEWAY));
        keys.addAll(parse(config.supervisorKeys().orElse(List.of()), Roles.SUPERVISOR));
        keys.addAll(parse(config.adminKeys(), Roles.ADMIN));
        return keys;
    }

    /**
     * The keys of one list ({@code welcomer.<role>-keys}): {@code name:secret}, or a bare secret
     * named {@code <role>-<position>} (1-based). The message of a bad entry never shows the key.
     */
    static List<ConfiguredKey> parse(List<String> entries, String role) {
        List<ConfiguredKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                String fingerprint = role + "-" + Secrets.sha256Hex(entry).substring(0, 12);
                keys.add(new ConfiguredKey(entry, new KeyCaller(new Caller(role + "-" + (i + 1), role), fingerprint)));
                continue;
            }
            String name = entry.substring(0, colon).strip();
            String secret = entry.substring(colon + 1).strip();
            if (!NAME.matcher(name).matches() || secret.isEmpty()) {
                throw new IllegalStateException("welcomer." + role + "-keys: key " + (i + 1) + " is not name:secret"
                        + " with a name of 1-64 letters, digits, '.', '_' or '-' and a secret after the colon");
            }
            keys.add(new ConfiguredKey(secret, new KeyCaller(new Caller(name, role), name)));
        }
        return keys;
    }

    /** The caller of every configured key. */
    List<KeyCaller> callers() {
        return known.stream().map(Known::caller).toList();
    }

    /** The caller presenting this key; every known key is compared, so timing says nothing. */
    public Optional<KeyCaller> identify(String presented) {
        byte[] hash = Secrets.sha256(presented);
        KeyCaller match = null;
        for (Known candidate : known) {
            if (MessageDigest.isEqual(candidate.hash(), hash) && match == null) {
                match = candidate.caller();
            }
        }
        return Optional.ofNullable(match);
    }
}
