package io.welcomer.security;

import io.quarkus.runtime.StartupEvent;
import io.welcomer.config.WelcomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says loudly at start-up when the well-known dev keys are accepted, whatever the profile. */
@ApplicationScoped
public class DevKeysNotice {

    static final String DEV_GATEWAY_KEY = "dev-gateway-key";
    static final String DEV_ADMIN_KEY = "dev-admin-key";

    void announce(@Observes StartupEvent event, WelcomerConfig config) {
        if (config.gatewayKeys().contains(DEV_GATEWAY_KEY) || config.adminKeys().contains(DEV_ADMIN_KEY)) {
            Logger.getLogger(DevKeysNotice.class).warnf("accepting the default dev keys '%s' (gateway) and '%s'"
                    + " (admin); never use them outside development", DEV_GATEWAY_KEY, DEV_ADMIN_KEY);
        }
    }
}
