package io.welcomer.switchboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;

/** The durable write path's bounds: how long the store may take and how much may wait for it. */
@ConfigMapping(prefix = "welcomer.journal")
public interface JournalConfig {

    /** PostgreSQL cancels a journal statement that runs longer (a locked table, say). */
    @WithDefault("2s")
    Duration statementTimeout();

    /** A flush not committed within this, retries included, fails: its requests get 503. */
    @WithDefault("5s")
    Duration flushDeadline();

    /** Commands waiting for the store beyond this are refused at once with 503. */
    @WithDefault("20000")
    @Positive
    int maxPending();

    /** Retries of a flush that failed for a reason other than its data (a dropped connection). */
    @WithDefault("3")
    @PositiveOrZero
    int retries();

    /** What a refused client is told to wait before retrying (Retry-After). */
    @WithDefault("2s")
    Duration retryAfter();
}
