package io.welcomer.ops;

import io.smallrye.mutiny.Uni;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Presence;
import io.welcomer.security.Roles;
import io.welcomer.switchboard.Switchboard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The queue at a glance, for ops. */
@Path("/v1/queue")
@RolesAllowed(Roles.ADMIN)
public class QueueResource {

    public record QueueBody(int waiting, long oldestWaitSeconds, int callbacksWaiting, Map<String, Integer> byChannel,
                            Map<Presence, Integer> agents) {}

    private final Switchboard switchboard;

    QueueResource(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    @GET
    public Uni<QueueBody> queue() {
        return switchboard.stats().map(stats -> {
            Map<String, Integer> byChannel = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                byChannel.put(channel.wireName(), stats.waitingByChannel().get(channel));
            }
            return new QueueBody(stats.waiting(), stats.oldestWaitSeconds(Instant.now()), stats.callbacksWaiting(), byChannel,
                    stats.agentsByPresence());
        });
    }
}
