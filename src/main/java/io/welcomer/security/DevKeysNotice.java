package io.welcomer.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says loudly that the dev profile accepts its well-known default keys. */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevKeysNotice {

    void announce(@Observes StartupEvent event) {
        Logger.getLogger(DevKeysNotice.class).warn("dev profile: accepting the default keys 'dev-gateway-key' (gateway)"
                + " and 'dev-admin-key' (admin); never use them outside development");
    }
}
