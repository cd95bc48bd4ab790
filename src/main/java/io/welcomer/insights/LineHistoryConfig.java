package io.welcomer.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** How the lines' history is sealed into its quarter-hour roll-up, off the hot path. */
@ConfigMapping(prefix = "welcomer.line-history")
public interface LineHistoryConfig {

    /** How often the seal moves on to the quarters that have become final. */
    @WithDefault("1m")
    Duration sealEvery();

    /**
     * How long after a quarter ends it may be sealed: a contact is stored a little after its
     * arrival (a write in flight, a busy database), and it must find its quarter still open.
     */
    @WithDefault("5m")
    Duration sealAfter();

    /** About how many contacts one sealing transaction counts (at least one quarter). */
    @WithDefault("50000")
    @Positive
    int sealBatch();
}
