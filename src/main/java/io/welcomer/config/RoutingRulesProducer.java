package io.welcomer.config;

import io.welcomer.routing.Channel;
import io.welcomer.routing.RoutingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The routing rules from configuration, for the live router and for simulations alike. */
@ApplicationScoped
public class RoutingRulesProducer {

    @Produces
    @Singleton
    RoutingRules rules(WelcomerConfig config) {
        return new RoutingRules(config.offerTimeout(), config.maxMissedOffers(), config.reconnectGrace(),
                config.repeatWindow(), config.relaxAfter(), config.priorityAging(), wrapUpLimits(config),
                Set.copyOf(config.awayReasons()), config.maxTransfers(), config.followUpGrace(),
                config.rejectUnservable());
    }

    /** A limit named for a channel that does not exist is a typo that would silently do nothing: refuse it. */
    private static Map<Channel, Duration> wrapUpLimits(WelcomerConfig config) {
        Map<Channel, Duration> limits = new EnumMap<>(Channel.class);
        config.wrapUpLimits().forEach((name, limit) -> {
            Channel channel = Channel.fromWireName(name);
            if (channel == null) {
                throw new IllegalArgumentException("welcomer.wrap-up-limit." + name + ": no such channel");
            }
            limits.put(channel, limit);
        });
        return limits;
    }
}
