package io.welcomer.routing;

/**
 * What an agent is doing, as ops and routing see it.
 *
 * <p>OFFLINE: no session. AWAY: a session, not taking contacts. AVAILABLE: taking contacts and
 * holding none. BUSY: taking contacts and holding at least one (offered or connected).
 */
public enum Presence {
    OFFLINE, AWAY, AVAILABLE, BUSY
}
