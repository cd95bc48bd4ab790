package io.welcomer.insights;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Outcomes of completed contacts whose touch time fell in one band (or all of them, for the
 * total). Rates are null when there are no contacts. Contacts whose repeat window is still open
 * are counted in {@code stillInRepeatWindow}: their repeat and first-contact resolution may change.
 * {@code meanWrapUpSeconds} is the after-contact work, end to complete (zero for a contact
 * completed straight from the conversation). Contacts no agent decided, completed by the router
 * when wrap-up ran out or the agent was lost for good, are counted apart in {@code wrapUpExpired}
 * and {@code agentLost} and left out of {@code contacts} and every rate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TouchTimeBand(String band, String channel, long contacts, Double resolvedRate, Double repeatRate,
                            Double firstContactResolutionRate, Double meanCsat, long csatResponses,
                            long stillInRepeatWindow, Double meanWrapUpSeconds, long wrapUpExpired,
                            long agentLost) {

    /** Touch-time bands, upper bounds in seconds; the last is open. */
    static final String[] LABELS = {"0-2m", "2-5m", "5-10m", "10-20m", "20m+"};

    static TouchTimeBand empty(String band, String channel) {
        return new TouchTimeBand(band, channel, 0, null, null, null, null, 0, 0, null, 0, 0);
    }
}
