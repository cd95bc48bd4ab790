package io.welcomer.insights;

/**
 * Completed contacts of one touch-time band (and channel, when grouped by it), counted by the
 * store; added up for the total.
 *
 * @param band                index into {@link TouchTimeBand#LABELS}
 * @param stillInRepeatWindow not repeated yet, but ended recently enough that they still may be
 * @param wrapUpSeconds       after-contact work summed over the contacts
 * @param wrapUpExpired       completed by the router when wrap-up ran out: not in {@code contacts}
 * @param agentLost           completed by the router when the agent was lost for good: not in {@code contacts}
 */
public record BandTally(int band, String channel, long contacts, long resolved, long repeated,
                        long firstContactResolved, long csatSum, long csatResponses, long stillInRepeatWindow,
                        double wrapUpSeconds, long wrapUpExpired, long agentLost) {

    static final BandTally NONE = new BandTally(-1, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    BandTally plus(BandTally other) {
        return new BandTally(-1, null, contacts + other.contacts, resolved + other.resolved,
                repeated + other.repeated, firstContactResolved + other.firstContactResolved,
                csatSum + other.csatSum, csatResponses + other.csatResponses,
                stillInRepeatWindow + other.stillInRepeatWindow, wrapUpSeconds + other.wrapUpSeconds,
                wrapUpExpired + other.wrapUpExpired, agentLost + other.agentLost);
    }

    TouchTimeBand toBand(String label, String channelKey) {
        return new TouchTimeBand(label, channelKey, contacts, rate(resolved, contacts), rate(repeated, contacts),
                rate(firstContactResolved, contacts), rate(csatSum, csatResponses), csatResponses,
                stillInRepeatWindow, contacts == 0 ? null : wrapUpSeconds / contacts, wrapUpExpired, agentLost);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
