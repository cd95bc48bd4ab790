package io.welcomer.records.rest;

import io.smallrye.mutiny.Uni;
import io.welcomer.problems.Problem;
import io.welcomer.problems.ProblemException;
import io.welcomer.records.Erasure;
import io.welcomer.records.Erasures;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/** Customers' erasures, as an admin follows them. */
@Path("/v1/erasures")
@RolesAllowed(Roles.ADMIN)
public class ErasureResource {

    /** Erasure ids are UUIDs. */
    private static final int MAX_ID = 64;

    private final Erasures erasures;

    ErasureResource(Erasures erasures) {
        this.erasures = erasures;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An erasure: running, or done with how many contacts it erased")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "404", description = "No such erasure",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<Erasure> get(@RestPath String id) {
        if (id.length() > MAX_ID) {
            throw ProblemException.notFound("no erasure " + id);
        }
        return erasures.find(id).map(erasure -> {
            if (erasure == null) {
                throw ProblemException.notFound("no erasure " + id);
            }
            return erasure;
        });
    }
}
