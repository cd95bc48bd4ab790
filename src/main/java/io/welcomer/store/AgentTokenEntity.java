package io.welcomer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's WebSocket token, kept only as its SHA-256 hash. */
@Entity
@Table(name = "agent_tokens")
public class AgentTokenEntity {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "created_at")
    public Instant createdAt;

    public AgentToken toToken() {
        return new AgentToken(tokenHash, agentId, createdAt);
    }
}
