package io.welcomer.events;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.problems.ProblemException;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The calling gateway's contact events as Server-Sent Events. Each event's SSE id is its id in
 * the durable event log, so a client reconnecting with Last-Event-ID gets exactly what it
 * missed, also across a restart. Without Last-Event-ID the stream starts with new events.
 */
@Path("/v1/events")
@RolesAllowed(Roles.GATEWAY)
@Tag(name = "Contacts")
public class EventResource {

    /** Keeps idle connections open through proxies. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final EventFeed feed;
    private final EventLog log;
    private final SecurityIdentity caller;
    private final int pageSize;

    EventResource(EventFeed feed, EventLog log, SecurityIdentity caller, WelcomerConfig config) {
        this.feed = feed;
        this.log = log;
        this.caller = caller;
        this.pageSize = config.events().replayPageSize();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "This gateway's contact events as Server-Sent Events; resume with Last-Event-ID (docs/events.md)")
    @APIResponse(responseCode = "200", description = "The stream: each event's id is its place in the event log;"
            + " a comment heartbeat every 15 s", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = GatewayEvent.class)))
    @APIResponse(responseCode = "400", description = "Last-Event-ID is not an event id")
    @APIResponse(responseCode = "429", description = "This key holds welcomer.events.max-listeners-per-gateway streams"
            + " already; retry after Retry-After")
    @APIResponse(responseCode = "503", description = "welcomer.events.max-listeners streams are open in all, or the"
            + " server is stopping; retry after Retry-After")
    public Multi<OutboundSseEvent> events(
            @Parameter(description = "The id of the last event received: the stream replays every later one first")
            @RestHeader("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Long after = parse(lastEventId);
        String gateway = caller.getPrincipal().getName();
        var live = feed.listen(gateway);
        AtomicLong last = new AtomicLong(after == null ? Long.MIN_VALUE : after);
        Multi<GatewayEvent> replayed = after == null ? Multi.createFrom().empty() : replay(gateway, last);
        // The live stream is subscribed once the replay is done, so last is the replay's end.
        Multi<GatewayEvent> events = Multi.createBy().concatenating().streams(replayed,
                live.select().where(event -> event.id() > last.get()));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events.map(event -> sse.newEventBuilder()
                .id(Long.toString(event.id()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(GatewayEvent.class, event)
                .build()), heartbeats)
                // However the stream ends, even before the live part was subscribed, the listener goes.
                .onTermination().invoke(live::cancel);
    }

    /**
     * What the gateway missed, read page by page as the client takes it: a replay from
     * Last-Event-ID 0 never holds more than one page in memory.
     */
    private Multi<GatewayEvent> replay(String gateway, AtomicLong last) {
        return Multi.createBy().repeating()
                .uni(() -> last, cursor -> page(gateway, cursor.get()).invoke(page -> {
                    if (!page.isEmpty()) {
                        cursor.set(page.getLast().id());
                    }
                }))
                .whilst(page -> page.size() == pageSize)
                .onItem().transformToIterable(page -> page);
    }

    private Uni<List<GatewayEvent>> page(String gateway, long after) {
        return log.after(gateway, after, pageSize);
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Last-Event-ID must be an event id from this stream");
        }
    }
}
