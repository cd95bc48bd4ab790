package io.welcomer.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent tokens by hash, mirrored from the store so a WebSocket upgrade costs no query. Lookup
 * is by the SHA-256 of a 256-bit random token, which leaks nothing through timing.
 */
@ApplicationScoped
public class AgentTokens {

    private final Map<String, String> agentByHash = new ConcurrentHashMap<>();

    public void add(String tokenHash, String agentId) {
        agentByHash.put(tokenHash, agentId);
    }

    /** The tokens as the store holds them now (after a rebuild). */
    public void replaceAll(Map<String, String> agentByTokenHash) {
        agentByHash.keySet().retainAll(agentByTokenHash.keySet());
        agentByHash.putAll(agentByTokenHash);
    }

    public void revokeAll(String agentId) {
        agentByHash.values().removeIf(agentId::equals);
    }

    public Optional<String> agentFor(String token) {
        return Optional.ofNullable(agentByHash.get(Secrets.sha256Hex(token)));
    }
}
