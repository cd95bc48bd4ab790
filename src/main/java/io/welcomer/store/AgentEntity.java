package io.welcomer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent profile as stored. */
@Entity
@Table(name = "agents")
public class AgentEntity {

    @Id
    public String id;
    public String name;
    /** JSON object: skill name to proficiency 1-5. */
    public String skills;
    /** JSON object: channel to concurrent contacts. */
    public String capacity;
    /** BCP 47 tags separated by commas; empty when none is stated. */
    public String languages;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Agent toAgent() {
        return new Agent(id, name, skills, capacity, languages, updatedAt);
    }
}
