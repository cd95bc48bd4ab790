package io.welcomer.security;

import io.welcomer.config.WelcomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gateway and admin keys from configuration, held hashed and compared in constant time. */
@ApplicationScoped
public class ApiKeys {

    /** Who a key belongs to: its role, and a stable name that never reveals the key. */
    public record Caller(String name, String role) {}

    private record Known(byte[] hash, Caller caller) {}

    private final List<Known> known = new ArrayList<>();

    ApiKeys(WelcomerConfig config) {
        config.gatewayKeys().forEach(key -> add(key, Roles.GATEWAY));
        config.adminKeys().forEach(key -> add(key, Roles.ADMIN));
    }

    private void add(String key, String role) {
        byte[] hash = Secrets.sha256(key.strip());
        // The caller's name is a fingerprint of the key: the same gateway across restarts.
        String name = role + "-" + Secrets.sha256Hex(key.strip()).substring(0, 12);
        known.add(new Known(hash, new Caller(name, role)));
    }

    /** The caller presenting this key; every known key is compared, so timing says nothing. */
    public Optional<Caller> identify(String presented) {
        byte[] hash = Secrets.sha256(presented);
        Caller match = null;
        for (Known candidate : known) {
            if (MessageDigest.isEqual(candidate.hash(), hash) && match == null) {
                match = candidate.caller();
            }
        }
        return Optional.ofNullable(match);
    }
}
