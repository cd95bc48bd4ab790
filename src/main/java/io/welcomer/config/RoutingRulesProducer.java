package io.welcomer.config;

import io.welcomer.routing.RoutingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The routing rules from configuration, for the live router and for simulations alike. */
@ApplicationScoped
public class RoutingRulesProducer {

    @Produces
    @Singleton
    RoutingRules rules(WelcomerConfig config) {
        return new RoutingRules(config.offerTimeout(), config.maxMissedOffers(), config.reconnectGrace(),
                config.repeatWindow(), config.relaxAfter(), config.priorityAging());
    }
}
