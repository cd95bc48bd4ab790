package io.welcomer.records;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * How long personal data is kept, and how the background sweeps that erase it (and free old
 * idempotency keys) go about it: small batches, each its own short transaction, a pause between.
 */
@ConfigMapping(prefix = "welcomer.retention")
public interface RetentionConfig {

    /**
     * Past this after its arrival, a contact's personal data (the customer's name, context, notes,
     * comments, callback and follow-up numbers) is erased; ids, times, states and outcomes stay.
     */
    @WithDefault("400d")
    Duration personalData();

    /** How often the sweeps look for contacts past retention and keys past the idempotency window. */
    @WithDefault("1m")
    Duration every();

    /** Contacts one batch looks at; each batch is one short transaction. */
    @WithDefault("500")
    @Positive
    int batchSize();

    /** The pause between batches, so a long sweep never crowds out the routing's writes. */
    @WithDefault("100ms")
    Duration pause();
}
