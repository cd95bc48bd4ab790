package io.welcomer.ops;

import io.smallrye.mutiny.Uni;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Presence;
import io.welcomer.security.Roles;
import io.welcomer.switchboard.RoutingLoop;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The queue at a glance, for supervisors and ops. */
@Path("/v1/queue")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Ops", description = "The queue and insights (docs/api/ops.md)")
public class QueueResource {

    public record QueueBody(int waiting, long oldestWaitSeconds, int callbacksWaiting, Map<String, Integer> byChannel,
                            Map<Presence, Integer> agents) {}

    private final RoutingLoop loop;
    private final InstantSource clock;

    QueueResource(RoutingLoop loop, InstantSource clock) {
        this.loop = loop;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The queue at a glance: waiting by channel, oldest wait, callbacks, agents by presence")
    @APIResponse(responseCode = "200", description = "The queue now")
    public Uni<QueueBody> queue() {
        return loop.onLoop(board -> Uni.createFrom().item(board.stats())).map(stats -> {
            Map<String, Integer> byChannel = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                byChannel.put(channel.wireName(), stats.waitingByChannel().get(channel));
            }
            return new QueueBody(stats.waiting(), stats.oldestWaitSeconds(clock.instant()), stats.callbacksWaiting(), byChannel,
                    stats.agentsByPresence());
        });
    }
}
