package io.welcomer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Welcomer's settings; every key is {@code welcomer.*} and can be set from the environment. */
@ConfigMapping(prefix = "welcomer")
public interface WelcomerConfig {

    /** Bearer keys of telephony and chat gateways. Required: the server does not start without. */
    List<String> gatewayKeys();

    /** Bearer keys of admins and ops. Required: the server does not start without. */
    List<String> adminKeys();

    /**
     * Bearer keys of supervisors: the floor, the reads and the supervisor actions, nothing that
     * creates or deletes. Optional (supervisors may sign in through OpenID Connect instead). Any
     * key may be named, {@code name:secret}; the name is the actor in the audit trail.
     */
    Optional<List<String>> supervisorKeys();

    /** Sign-in through the centre's OpenID Connect provider, when it is on (the standard quarkus.oidc.* settings). */
    Oidc oidc();

    interface Oidc {

        /**
         * The claim that names the person: the agent's id in Welcomer for an agent, the actor in
         * the audit trail for everyone. Entra ID: {@code preferred_username} or {@code upn}.
         */
        @WithDefault("preferred_username")
        String agentClaim();

        /**
         * The claim holding the roles {@code welcomer-agent}, {@code welcomer-supervisor} and
         * {@code welcomer-admin}; a dotted path reaches into an object ({@code realm_access.roles}).
         * Entra ID: {@code roles} (app roles) or {@code groups}.
         */
        @WithDefault("groups")
        String rolesClaim();

        /**
         * The client the console and the floor sign in as (a public client, code flow with PKCE);
         * default {@code quarkus.oidc.client-id}.
         */
        Optional<String> consoleClientId();

        /**
         * The scopes the console and the floor ask for. The access token must be one the server
         * accepts (its audience): with Entra ID, name Welcomer's own API scope
         * ({@code openid offline_access api://welcomer/access}); {@code offline_access} asks for
         * the refresh token that keeps a session past its first access token.
         */
        @WithDefault("openid")
        String consoleScope();
    }

    /** How long an agent token opens sessions after it is issued; a session open at expiry is closed. */
    @WithDefault("12h")
    Duration tokenTtl();

    /** How long an offer waits for the agent's answer before it is revoked. */
    @WithDefault("15s")
    Duration offerTimeout();

    /** Consecutive timed-out offers after which an agent is set away. */
    @WithDefault("2")
    int maxMissedOffers();

    /** How long an agent's connected contacts wait for it to reconnect. */
    @WithDefault("30s")
    Duration reconnectGrace();

    /** After this wait a contact's minimum proficiencies drop to 1. */
    @WithDefault("30s")
    Duration relaxAfter();

    /**
     * Priority points a waiting contact gains per minute waited, so a low-priority contact does
     * not starve behind newer high-priority ones. 0: priority alone decides.
     */
    @WithDefault("0")
    @PositiveOrZero
    double priorityAging();

    /**
     * Contacts waiting in line at most; a new contact past it gets 503 with Retry-After. Bounds the
     * memory a burst (or a runaway gateway) can take while no agent answers.
     */
    @WithDefault("100000")
    @Positive
    int maxWaiting();

    /** A customer back within this window after an earlier contact is a repeat. */
    @WithDefault("7d")
    Duration repeatWindow();

    /**
     * How long a gateway's Idempotency-Key names the contact it made: the same key within it answers
     * that contact again; after it, the key makes a new contact. Older keys are freed in the background.
     */
    @WithDefault("24h")
    Duration idempotencyWindow();

    /** Requests per bearer key (gateway or admin), so one busy or broken caller cannot starve the rest. */
    RateLimit rateLimit();

    interface RateLimit {

        /** Sustained requests per second per key; past it a 429 with Retry-After. */
        @WithDefault("1000")
        @Positive
        double requestsPerSecond();

        /** Requests a key may send at once after a quiet spell. */
        @WithDefault("2000")
        @Positive
        int burst();
    }

    /** Gateways' event streams (GET /v1/events). */
    Events events();

    interface Events {

        /** Open streams one gateway key may hold; past it a 429 with Retry-After. */
        @WithDefault("16")
        @Positive
        int maxListenersPerGateway();

        /** Open streams in all; past it a 503 with Retry-After. */
        @WithDefault("1000")
        @Positive
        int maxListeners();

        /** Events read from the store at a time when a stream resumes by Last-Event-ID. */
        @WithDefault("500")
        @Positive
        int replayPageSize();
    }

    /** Limits on each agent WebSocket, so one broken or hostile console cannot slow the others. */
    Socket socket();

    interface Socket {

        /** Largest agent frame handled; a larger one gets an error frame, a second closes with 1009. */
        @WithDefault("16384")
        @Positive
        int maxFrameBytes();

        /** Frames an agent may send per second; past it an error frame, past twice it a close with 1008. */
        @WithDefault("20")
        @Positive
        int framesPerSecond();

        /** Frames waiting for a console that does not read; past it the socket is closed with 1008. */
        @WithDefault("256")
        @Positive
        int maxUnsentFrames();

        /**
         * How long a socket the server closed waits for the console's closing handshake before
         * its connection is dropped (whole seconds; 0: right after the close frame is sent). A
         * console closed for flooding may go on sending, and every frame it sends meanwhile is read.
         */
        @WithDefault("0s")
        Duration closingTimeout();
    }

    /**
     * Per channel ({@code welcomer.wrap-up-limit.chat=2m}), how long after-contact work may last;
     * past it the contact is completed for the agent, unresolved, with the outcome code
     * {@code wrap-up-expired}, and the slot frees. A channel not named has no limit.
     */
    @WithName("wrap-up-limit")
    Map<String, Duration> wrapUpLimits();

    /** The reasons an agent may give for stepping away. */
    @WithDefault("break,lunch,training,meeting,other")
    List<String> awayReasons();

    /** Transfers one contact may go through. */
    @WithDefault("5")
    @PositiveOrZero
    int maxTransfers();

    /** How long a due follow-up waits for the agent who promised it before anyone eligible may take it. */
    @WithDefault("10m")
    Duration followUpGrace();

    /**
     * The PostgreSQL the dev profile and the tests start themselves when no database is
     * configured. Read before this mapping exists, by {@code io.welcomer.database.DatabaseSettings};
     * declared here so that it is a known, documented key.
     */
    Embedded embedded();

    interface Embedded {

        /** Where the embedded database keeps its data across restarts (application.properties: under the user's home). */
        String dataDir();
    }

    /**
     * Refuse (422) a new contact that no agent profile could serve (skills or a required language
     * nobody has) instead of storing it with {@code servable: false}: a gateway's typo fails loudly.
     */
    @WithDefault("false")
    boolean rejectUnservable();
}
