package io.welcomer.security;

import io.welcomer.config.WelcomerConfig;
import io.welcomer.store.AgentToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent tokens by hash, mirrored from the store so a WebSocket upgrade costs no query. Lookup
 * is by the SHA-256 of a 256-bit random token, which leaks nothing through timing. A token
 * lives {@code welcomer.token-ttl} from its issue; an expired one is no credential.
 */
@ApplicationScoped
public class AgentTokens {

    /** Whose token it is and until when it opens a session. */
    public record Holder(String agentId, Instant expiresAt) {}

    private final Map<String, Holder> byHash = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final InstantSource clock = InstantSource.system();

    AgentTokens(WelcomerConfig config) {
        this.ttl = config.tokenTtl();
    }

    /** When a token issued at {@code issuedAt} stops opening sessions. */
    public Instant expiryOf(Instant issuedAt) {
        return issuedAt.plus(ttl);
    }

    /** A token issued at {@code issuedAt}; one already expired is not kept. */
    public void add(String tokenHash, String agentId, Instant issuedAt) {
        Instant now = clock.instant();
        // Tokens are issued by admins, so this sweep runs rarely and keeps the map to live tokens.
        byHash.values().removeIf(holder -> !holder.expiresAt().isAfter(now));
        Instant expiresAt = (issuedAt != null ? issuedAt : now).plus(ttl);
        if (expiresAt.isAfter(now)) {
            byHash.put(tokenHash, new Holder(agentId, expiresAt));
        }
    }

    /** The tokens as the store holds them now (after a rebuild); the expired ones are not kept. */
    public void replaceAll(List<AgentToken> stored) {
        byHash.clear();
        stored.forEach(token -> add(token.tokenHash(), token.agentId(), token.createdAt()));
    }

    public void revokeAll(String agentId) {
        byHash.values().removeIf(holder -> holder.agentId().equals(agentId));
    }

    /** Who holds this token, if it is known and not expired. */
    public Optional<Holder> holderOf(String token) {
        Holder holder = byHash.get(Secrets.sha256Hex(token));
        return holder == null || !holder.expiresAt().isAfter(clock.instant()) ? Optional.empty() : Optional.of(holder);
    }
}
