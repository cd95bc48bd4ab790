package io.welcomer.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.welcomer.config.WelcomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keys anyone can read in this repository: the dev profile's defaults and the k8s Secret's
 * placeholders. The prod profile refuses to start with one of them; elsewhere they are
 * accepted and announced loudly.
 */
@ApplicationScoped
public class WellKnownKeys {

    static final String DEV_GATEWAY_KEY = "dev-gateway-key";
    static final String DEV_ADMIN_KEY = "dev-admin-key";
    static final String DEV_SUPERVISOR_KEY = "dev-supervisor-key";
    static final List<String> PUBLISHED = List.of(DEV_GATEWAY_KEY, DEV_ADMIN_KEY, DEV_SUPERVISOR_KEY,
            "replace-with-a-long-random-gateway-key", "replace-with-a-long-random-admin-key");

    void check(@Observes StartupEvent event, WelcomerConfig config) {
        Optional<String> published = publishedAmong(ApiKeys.configured(config).stream()
                .map(ApiKeys.ConfiguredKey::secret)
                .toList());
        if (published.isEmpty()) {
            return;
        }
        if (ConfigUtils.isProfileActive("prod")) {
            throw new IllegalStateException("refusing to start: the key '" + published.get() + "' is published in the"
                    + " Welcomer repository; set WELCOMER_GATEWAY_KEYS and WELCOMER_ADMIN_KEYS (and"
                    + " WELCOMER_SUPERVISOR_KEYS, if set) to long random keys");
        }
        Logger.getLogger(WellKnownKeys.class).warnf("accepting the published key '%s'; never use it outside"
                + " development (the prod profile refuses to start with it)", published.get());
    }

    /** The first configured secret (a key without its name) that is published in this repository, if any. */
    static Optional<String> publishedAmong(List<String> secrets) {
        return secrets.stream()
                .filter(PUBLISHED::contains)
                .findFirst();
    }
}
