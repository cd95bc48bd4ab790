package io.welcomer.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per configured key (gateway, supervisor or admin):
 * {@code welcomer.rate-limit.requests-per-second} sustained, {@code burst} at once. Past it a 429 with Retry-After, answered before any work is done.
 * Buckets are keyed by the authenticated caller, never by what a request claims, so their
 * number is bounded by the configured keys.
 */
@ApplicationScoped
public class KeyRateLimit {

    private static final class Bucket {
        double tokens;
        long refilledAtNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAtNanos = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final CurrentIdentityAssociation identities;
    private final double perSecond;
    private final double burst;

    KeyRateLimit(CurrentIdentityAssociation identities, WelcomerConfig config) {
        this.identities = identities;
        this.perSecond = config.rateLimit().requestsPerSecond();
        this.burst = config.rateLimit().burst();
    }

    @ServerRequestFilter
    public Uni<Response> limit() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || identity.getAttribute(BearerIdentities.KEY) == null) {
                return null;
            }
            long waitSeconds = take(identity.getPrincipal().getName());
            return waitSeconds == 0 ? null : ProblemException.tooManyRequests("this key sent more than "
                    + perSecond + " requests per second; retry after " + waitSeconds + " s", (int) waitSeconds)
                    .toResponse();
        });
    }

    /** Takes a token from the caller's bucket: 0 if there was one, else the seconds until there is. */
    private long take(String caller) {
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(caller, name -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAtNanos) / 1e9 * perSecond);
            bucket.refilledAtNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }
}
