package io.welcomer.store;

import java.time.Instant;

/** An agent's WebSocket token as stored: only its SHA-256 hash. */
public record AgentToken(String tokenHash, String agentId, Instant createdAt) {
}
