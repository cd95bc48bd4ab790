package io.welcomer.lines.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.welcomer.lines.LineDirectory;
import io.welcomer.problems.Problem;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Line;
import io.welcomer.security.Caller;
import io.welcomer.security.Roles;
import io.welcomer.switchboard.RoutingRefused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Admins configure lines (channels, skills, language, opening hours, service level, overflow);
 * supervisors and admins read them live.
 */
@Path("/v1/lines")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Lines")
public class LineResource {

    private final LineDirectory lines;
    private final InstantSource clock;
    private final SecurityIdentity identity;

    LineResource(LineDirectory lines, InstantSource clock, SecurityIdentity identity) {
        this.lines = lines;
        this.clock = clock;
        this.identity = identity;
    }

    @PUT
    @Path("/{lineId}")
    @Operation(summary = "Configure a line, or replace its configuration",
            description = "Stored, with its audit entry, before the answer. Contacts waiting in it take its new "
                    + "skills and language at once, keeping their places; opened by new hours, it offers them in "
                    + "line order.")
    @APIResponse(responseCode = "201", description = "A new line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineView.class)))
    @APIResponse(responseCode = "200", description = "The line's configuration replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong (named in errors: a time, the zone, a date, "
            + "a window that overlaps another, a channel, a skill level, the id); nothing stored", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An overflow step names an unknown line, or leads back to "
            + "this one; nothing stored", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<LineView>> put(
            @RestPath @Pattern(regexp = Line.ID_PATTERN, message = LineBody.LINE_ID_MESSAGE) String lineId,
            @Valid @NotNull LineBody body) {
        Line line = LineRules.read(lineId, body);
        return lines.save(line, Caller.of(identity))
                .onFailure(RoutingRefused.class).transform(failure -> ProblemException.unprocessable("overflow",
                        ((RoutingRefused) failure).refusal().message()))
                .chain(created -> lines.find(lineId).map(status -> RestResponse.ResponseBuilder
                        .create(created ? Response.Status.CREATED : Response.Status.OK,
                                LineView.of(status.orElseThrow(), clock.instant()))
                        .build()));
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Every configured line with how it stands now, by id")
    @APIResponse(responseCode = "200", description = "The lines", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineView.class, type = SchemaType.ARRAY)))
    public Uni<List<LineView>> list() {
        return lines.all().map(all -> all.stream().map(status -> LineView.of(status, clock.instant())).toList());
    }

    @GET
    @Path("/{lineId}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "A line: its configuration, open or closed with its next change, who waits, who could serve it")
    @APIResponse(responseCode = "200", description = "The line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineView.class)))
    @APIResponse(responseCode = "404", description = "No such line", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<LineView> get(@RestPath String lineId) {
        return lines.find(lineId).map(status -> LineView.of(status.orElseThrow(() -> unknown(lineId)), clock.instant()));
    }

    @DELETE
    @Path("/{lineId}")
    @Operation(summary = "Remove a line", description = "Refused while contacts are in it (waiting or with "
            + "agents) or another line overflows into it.")
    @APIResponse(responseCode = "204", description = "Removed, and stored")
    @APIResponse(responseCode = "404", description = "No such line", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Contacts are in the line, or another line overflows into it; "
            + "nothing changed", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> delete(@RestPath String lineId) {
        return lines.remove(lineId, Caller.of(identity))
                .onFailure(RoutingRefused.class).transform(failure -> switch (((RoutingRefused) failure).refusal()) {
                    case UNKNOWN_LINE -> unknown(lineId);
                    default -> ProblemException.conflict("line " + lineId + " cannot be removed: " + failure.getMessage());
                })
                .map(removed -> RestResponse.noContent());
    }

    private static ProblemException unknown(String lineId) {
        // The id is echoed only when it is one a line could have.
        return ProblemException.notFound(lineId.matches(Line.ID_PATTERN) ? "no line " + lineId : "no such line");
    }
}
