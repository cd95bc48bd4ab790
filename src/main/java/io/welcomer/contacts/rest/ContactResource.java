package io.welcomer.contacts.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.welcomer.contacts.ContactActions;
import io.welcomer.contacts.Intake;
import io.welcomer.contacts.persistence.ContactStore;
import io.welcomer.ops.RoutingMetrics;
import io.welcomer.problems.PlainText;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.MoveTarget;
import io.welcomer.routing.Refusal;
import io.welcomer.security.Caller;
import io.welcomer.security.Roles;
import io.welcomer.store.Contact;
import io.welcomer.store.SkillMaps;
import io.welcomer.switchboard.RoutingRefused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Gateways hand contacts over here and follow them; supervisors move them and change their priority. */
@Path("/v1/contacts")
@RolesAllowed(Roles.GATEWAY)
@Tag(name = "Contacts", description = "Gateways hand contacts over and follow them (docs/api/contacts.md)")
public class ContactResource {

    /** Contact ids are UUIDs; anything much longer cannot be one. */
    private static final int MAX_ID = 64;

    private final Intake intake;
    private final ContactStore contacts;
    private final SecurityIdentity caller;
    private final RoutingMetrics metrics;
    private final InstantSource clock;
    private final ContactActions actions;

    ContactResource(Intake intake, ContactStore contacts, SecurityIdentity caller, RoutingMetrics metrics,
                    InstantSource clock, ContactActions actions) {
        this.intake = intake;
        this.contacts = contacts;
        this.caller = caller;
        this.metrics = metrics;
        this.clock = clock;
        this.actions = actions;
    }

    /** 201 once the contact is stored; 200 with the same contact for a repeated Idempotency-Key. */
    @POST
    @Operation(summary = "Hand a contact over: offered at once to a free eligible agent, else queued with its position")
    @APIResponse(responseCode = "201", description = "Stored: OFFERED with agentId when an agent was free, else QUEUED"
            + " with position, open (opensAt or closesAt), staffed, servable, and estimatedWaitSeconds only where"
            + " there is an honest estimate", headers = @Header(name = HttpHeaders.LOCATION,
            description = "/v1/contacts/{id}, relative"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "200", description = "This gateway posted this Idempotency-Key before: that contact, as it is now")
    @APIResponse(responseCode = "400", description = "A field invalid, missing or unknown, each named in errors; nothing stored")
    @APIResponse(responseCode = "422", description = "line names no configured line, channel is one the line does not"
            + " take, or (welcomer.reject-unservable) no agent could serve the contact; the field named; nothing stored")
    @APIResponse(responseCode = "503", description = "The store cannot take work now, welcomer.max-waiting contacts"
            + " already wait, or the first request with this Idempotency-Key is not stored yet; nothing stored,"
            + " retry after Retry-After")
    public Uni<RestResponse<ContactView>> create(@Valid @NotNull NewContact body,
                                                 @Parameter(description = "The same key from the same gateway answers the same contact (200)")
                                                 @RestHeader("Idempotency-Key") @Size(max = 200) @PlainText String idempotencyKey) {
        Map<String, Integer> skills = body.skills() == null ? Map.of() : body.skills();
        Contact contact = newContact(body, skills, caller.getPrincipal().getName(), idempotencyKey);
        return intake.admit(contact, skills).onFailure(RoutingRefused.class).transform(ContactResource::refused)
                .map(admission -> {
                    Intake.Standing standing = admission.standing();
                    ContactView view = ContactView.of(standing.contact(), standing.waiting());
                    return admission.created()
                            // Set as a header, not with location(), which would make it absolute from the
                            // request's host and scheme: wrong behind a TLS-terminating proxy.
                            ? RestResponse.ResponseBuilder.create(Response.Status.CREATED, view)
                                    .header(HttpHeaders.LOCATION, "/v1/contacts/" + contact.id()).build()
                            : RestResponse.ok(view);
                });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The contact now: state, agent, where it stands honestly while queued, times, outcome")
    @APIResponse(responseCode = "200", description = "The contact")
    @APIResponse(responseCode = "404", description = "No such contact for this gateway")
    public Uni<ContactView> get(@RestPath String id) {
        return visible(id).chain(intake::standingOf)
                .map(standing -> ContactView.of(standing.contact(), standing.waiting()));
    }

    /** The waiting customer hangs up and keeps their place; an agent's accept dials them back. */
    @POST
    @Path("/{id}/callback")
    @Operation(summary = "The waiting customer hangs up and keeps their place; the agent who accepts dials the number")
    @APIResponse(responseCode = "200", description = "Arranged: QUEUED, mode CALLBACK, the same position")
    @APIResponse(responseCode = "400", description = "number missing or not E.164")
    @APIResponse(responseCode = "404", description = "No such contact for this gateway")
    @APIResponse(responseCode = "409", description = "Not waiting (offered, connected or ended), already a callback,"
            + " or a chat or email contact")
    public Uni<ContactView> callback(@RestPath String id, @Valid @NotNull CallbackRequest body) {
        return visible(id).chain(stored -> intake.arrangeCallback(id, body.number()))
                .onFailure(RoutingRefused.class).transform(refused -> ProblemException.conflict(
                        "contact " + id + " cannot be called back: " + refused.getMessage()))
                .map(arranged -> arranged
                        .map(standing -> ContactView.of(standing.contact(), standing.waiting()))
                        .orElseThrow(() -> ProblemException.conflict("contact " + id + " has already ended")));
    }

    /** How the customer felt: answered once, and only after the contact completed (409 otherwise). */
    @POST
    @Path("/{id}/feedback")
    @Operation(summary = "How the customer felt, 1-5, once the contact is completed")
    @APIResponse(responseCode = "200", description = "Recorded: the contact with its feedback")
    @APIResponse(responseCode = "400", description = "csat missing or outside 1-5, or comment too long")
    @APIResponse(responseCode = "404", description = "No such contact for this gateway")
    @APIResponse(responseCode = "409", description = "The contact is not COMPLETED yet, or feedback was already given")
    public Uni<ContactView> feedback(@RestPath String id, @Valid @NotNull FeedbackRequest body) {
        Instant at = clock.instant();
        return visible(id).chain(stored -> contacts.recordFeedback(id, body.csat(), body.comment(), at)
                .map(recorded -> {
                    if (!recorded) {
                        throw ProblemException.conflict(stored.feedback() != null
                                ? "feedback for contact " + id + " was already given"
                                : "feedback is taken once the contact is COMPLETED; it is " + stored.state());
                    }
                    metrics.feedback(body.csat());
                    return ContactView.of(new Contact(stored.arrival(), stored.progress(),
                            new Contact.Feedback(body.csat(), body.comment(), at)), null);
                }));
    }

    /** The customer left: not yet connected it is abandoned; connected, the agent is told. */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "The customer left: abandoned if not yet connected (an offer is revoked), else the agent is told")
    @APIResponse(responseCode = "200", description = "The contact after the change")
    @APIResponse(responseCode = "404", description = "No such contact for this gateway")
    @APIResponse(responseCode = "409", description = "The contact had already ended")
    public Uni<ContactView> leave(@RestPath String id) {
        return visible(id).chain(stored -> intake.customerLeft(id)).map(left -> left
                .map(standing -> ContactView.of(standing.contact(), null))
                .orElseThrow(() -> ProblemException.conflict("contact " + id + " has already ended")));
    }

    /** A supervisor moves a waiting or offered contact to an agent or a line; an offer to another agent is revoked. */
    @POST
    @Path("/{id}/move")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Move a QUEUED or OFFERED contact to an agent (offered it first when it has room) or to a line"
            + " (it then needs that line's skills); it keeps its arrival")
    @APIResponse(responseCode = "200", description = "The contact after the move")
    @APIResponse(responseCode = "400", description = "A bad field, named in the problem")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "The contact is not QUEUED or OFFERED; the problem names its state")
    @APIResponse(responseCode = "422", description = "to.agentId names no agent, or one who takes no contacts on its"
            + " channel; to.line names no line, or one that takes no contacts on its channel")
    public Uni<ContactView> move(@RestPath String id, @Valid @NotNull MoveRequest body) {
        MoveTarget to = body.to().target();
        return live(id, () -> actions.move(id, to, Caller.of(caller)));
    }

    /** A supervisor changes a waiting contact's priority; it keeps its arrival. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Change a QUEUED contact's priority (0-100); it keeps its arrival")
    @APIResponse(responseCode = "200", description = "The contact after the change")
    @APIResponse(responseCode = "400", description = "A bad field, named in the problem")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "The contact is not QUEUED; the problem names its state")
    public Uni<ContactView> change(@RestPath String id, @Valid @NotNull ContactChange body) {
        return live(id, () -> actions.changePriority(id, body.priority(), Caller.of(caller)));
    }

    /** A supervisor's action on a stored contact: 404 if there is none, 409 naming the state if it has ended. */
    private Uni<ContactView> live(String id, Supplier<Uni<Intake.Standing>> action) {
        return visible(id).chain(stored -> {
            if (stored.state().ended()) {
                throw ProblemException.conflict("contact " + id + " is " + stored.state());
            }
            return action.get();
        }).map(standing -> ContactView.of(standing.contact(), standing.waiting()));
    }

    /** The router refused a new contact (nothing was stored): 422 naming the field that made it refuse. */
    private static Throwable refused(Throwable failure) {
        Refusal refusal = ((RoutingRefused) failure).refusal();
        return switch (refusal) {
            case UNKNOWN_LINE -> ProblemException.unprocessable("line", "is not a configured line");
            case CHANNEL_NOT_TAKEN -> ProblemException.unprocessable("channel", "is not one the line takes");
            case UNSERVABLE -> ProblemException.unprocessable("skills",
                    "no agent could serve this contact: nobody has its skills, or its required language");
            default -> failure;
        };
    }

    /** The stored contact if this caller may see it: its own gateway's, or any for a supervisor or an admin. */
    private Uni<Contact> visible(String id) {
        if (id.length() > MAX_ID || !PlainText.Rules.isPlain(id, false)) {
            // Never stored, since the store refuses such text: asking it would be an error, not a 404.
            return Uni.createFrom().failure(ProblemException.notFound("no contact with such an id"));
        }
        return contacts.find(id).map(stored -> {
            if (stored == null || !(stored.arrival().gatewayId().equals(caller.getPrincipal().getName())
                    || caller.hasRole(Roles.SUPERVISOR))) {
                throw ProblemException.notFound("no contact " + id);
            }
            return stored;
        });
    }

    private Contact newContact(NewContact body, Map<String, Integer> skills, String gateway, String idempotencyKey) {
        Contact.Arrival arrival = new Contact.Arrival(UUID.randomUUID().toString(), gateway, idempotencyKey,
                body.channel(), new Contact.Customer(body.customer().id(), body.customer().name(),
                        body.customer().language()),
                Boolean.TRUE.equals(body.languageRequired()), SkillMaps.write(skills),
                body.priority() == null ? 0 : body.priority(), body.topic(),
                body.context() == null ? null : body.context().toString(), null, body.line());
        return new Contact(arrival, Contact.Progress.waiting(Contact.Mode.LIVE, clock.instant(), null), null);
    }
}
