package io.welcomer.records;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** Contact records ({@code GET /v1/contacts}): how much one page may cover, how many exports run at once and how fast. */
@ConfigMapping(prefix = "welcomer.records")
public interface RecordsConfig {

    /** The longest arrival range one paged JSON query may cover; a streamed export (NDJSON, CSV) has no bound. */
    @WithDefault("31d")
    Duration maxPageRange();

    /** Exports (NDJSON, CSV) streaming at once, each on its own connection; past it a 503 with Retry-After. */
    @WithDefault("2")
    @Positive
    int maxExports();

    /**
     * Rows per second one export reads at most, so that it takes no more than a share of the
     * machine from the intake: at the default, a million contacts in about 3.5 minutes.
     */
    @WithDefault("5000")
    @Positive
    int exportRate();

    /** An export whose client reads nothing for this long is ended, and its connection freed. */
    @WithDefault("60s")
    Duration exportIdleTimeout();

    /** How long a paging cursor stays good; an older one is a 400, and the client starts again. */
    @WithDefault("24h")
    Duration cursorLifetime();
}
