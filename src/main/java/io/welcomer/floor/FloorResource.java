package io.welcomer.floor;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervisor's view of the floor: lines and agents, once or as a live stream. */
@Path("/v1/floor")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Floor", description = "What supervisors watch: lines and agents (docs/api/floor.md)")
public class FloorResource {

    /** Keeps an idle stream open through proxies, and lets a viewer notice a dead one. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final FloorWatch watch;

    FloorResource(FloorWatch watch) {
        this.watch = watch;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The floor now: waiting lines and every agent's presence and contacts")
    @APIResponse(responseCode = "200", description = "The picture, with its version")
    public Uni<Floor> floor() {
        return watch.picture();
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The floor as Server-Sent Events: the floor now, then a new picture after each change")
    @APIResponse(responseCode = "200", description = "The stream: floor events, at most ten a second, and a comment"
            + " heartbeat every 15 s", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = Floor.class)))
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        Multi<OutboundSseEvent> pictures = watch.watch().map(floor -> sse.newEventBuilder()
                .name("floor")
                .id(Long.toString(floor.version()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Floor.class, floor)
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(pictures, heartbeats);
    }
}
