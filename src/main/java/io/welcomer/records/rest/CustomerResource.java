package io.welcomer.records.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.welcomer.problems.PlainText;
import io.welcomer.problems.Problem;
import io.welcomer.problems.ProblemException;
import io.welcomer.records.Erasure;
import io.welcomer.records.Erasures;
import io.welcomer.security.Caller;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** A customer's right to erasure. Admin only. */
@Path("/v1/customers")
@RolesAllowed(Roles.ADMIN)
public class CustomerResource {

    /** Customer ids are up to 200 characters, as a gateway may send them. */
    private static final int MAX_CUSTOMER_ID = 200;

    private final Erasures erasures;
    private final SecurityIdentity caller;

    CustomerResource(Erasures erasures, SecurityIdentity caller) {
        this.erasures = erasures;
        this.caller = caller;
    }

    @DELETE
    @Path("/{customerId}")
    @Operation(summary = "Erase a customer's personal data everywhere it is stored",
            description = "Their name, context, notes, comments, callback and follow-up numbers go from every "
                    + "ended contact, its events and follow-ups; the contacts stay, under a pseudonym, with their "
                    + "times, states and outcomes, so insight totals do not move. Routing forgets who served "
                    + "them; offers no longer show their history. A customer nobody knows is answered the same. "
                    + "Audited as customer.erasure-requested, naming the erasure, never the customer.")
    @APIResponse(responseCode = "202", description = "Erasing; follow the Location",
            headers = @Header(name = "Location", description = "/v1/erasures/{id}"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "409", description = "The customer has a live contact or a follow-up not yet due",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a customer id (over 200 characters, or control characters)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Erasure>> erase(@RestPath String customerId) {
        if (customerId.length() > MAX_CUSTOMER_ID || !PlainText.Rules.isPlain(customerId, false)) {
            throw ProblemException.notFound("no customer with such an id");
        }
        return erasures.erase(customerId, Caller.of(caller)).map(id -> RestResponse.ResponseBuilder
                .create(Response.Status.ACCEPTED, new Erasure(id, "running", null, null, null))
                .header(HttpHeaders.LOCATION, "/v1/erasures/" + id)
                .build());
    }
}
