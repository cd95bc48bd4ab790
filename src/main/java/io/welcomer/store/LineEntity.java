package io.welcomer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A configured line as stored: its id and its configuration as the JSON document the API shows. */
@Entity
@Table(name = "lines")
public class LineEntity {

    @Id
    public String id;
    /** The configuration (see {@code switchboard.LineDocuments}). */
    public String definition;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
