package io.welcomer.contacts.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.ops.RoutingMetrics;
import io.welcomer.problems.PlainText;
import io.welcomer.problems.ProblemException;
import io.welcomer.security.Roles;
import io.welcomer.switchboard.RoutingRefused;
import io.welcomer.switchboard.SkillMaps;
import io.welcomer.switchboard.Switchboard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Gateways hand contacts over here and follow them. */
@Path("/v1/contacts")
@RolesAllowed(Roles.GATEWAY)
public class ContactResource {

    /** Contact ids are UUIDs; anything much longer cannot be one. */
    private static final int MAX_ID = 64;

    private final Switchboard switchboard;
    private final Mutiny.SessionFactory sessions;
    private final SecurityIdentity caller;
    private final RoutingMetrics metrics;

    ContactResource(Switchboard switchboard, Mutiny.SessionFactory sessions, SecurityIdentity caller,
                    RoutingMetrics metrics) {
        this.switchboard = switchboard;
        this.sessions = sessions;
        this.caller = caller;
        this.metrics = metrics;
    }

    /** 201 once the contact is stored; 200 with the same contact for a repeated Idempotency-Key. */
    @POST
    public Uni<RestResponse<ContactView>> create(@Valid @NotNull NewContact body,
                                                 @RestHeader("Idempotency-Key") @Size(max = 200) @PlainText String idempotencyKey) {
        String gateway = caller.getPrincipal().getName();
        if (idempotencyKey == null) {
            return admit(body, gateway, null);
        }
        return storedByKey(gateway, idempotencyKey).chain(stored -> stored.isPresent()
                ? answer(stored.get()).map(view -> RestResponse.ok(view))
                : admit(body, gateway, idempotencyKey)
                        // Two requests raced past the lookup: the unique key kept one contact.
                        .onFailure(ContactResource::isUniqueViolation).recoverWithUni(() -> storedByKey(gateway, idempotencyKey)
                                .chain(raced -> answer(raced.orElseThrow()))
                                .map(view -> RestResponse.ok(view))));
    }

    @GET
    @Path("/{id}")
    public Uni<ContactView> get(@RestPath String id) {
        return visible(id).chain(this::answer);
    }

    /** The waiting customer hangs up and keeps their place; an agent's accept dials them back. */
    @POST
    @Path("/{id}/callback")
    public Uni<ContactView> callback(@RestPath String id, @Valid @NotNull CallbackRequest body) {
        return visible(id).chain(stored -> switchboard.arrangeCallback(id, body.number()))
                .onFailure(RoutingRefused.class).transform(refused -> ProblemException.conflict(
                        "contact " + id + " cannot be called back: " + refused.getMessage()))
                .map(arranged -> arranged
                        .map(standing -> ContactView.of(standing.contact(), standing.position(), standing.estimatedWaitSeconds()))
                        .orElseThrow(() -> ProblemException.conflict("contact " + id + " has already ended")));
    }

    /** How the customer felt: answered once, and only after the contact completed (409 otherwise). */
    @POST
    @Path("/{id}/feedback")
    public Uni<ContactView> feedback(@RestPath String id, @Valid @NotNull FeedbackRequest body) {
        Instant at = Instant.now();
        return visible(id).chain(stored -> sessions.withStatelessTransaction(session -> session.createMutationQuery("""
                        update ContactEntity set csat = :csat, feedbackComment = :comment, feedbackAt = :at
                        where id = :id and state = 'COMPLETED' and csat is null""")
                        .setParameter("csat", body.csat())
                        .setParameter("comment", body.comment())
                        .setParameter("at", at)
                        .setParameter("id", id)
                        .executeUpdate())
                .map(updated -> {
                    if (updated == 0) {
                        throw ProblemException.conflict(stored.csat != null
                                ? "feedback for contact " + id + " was already given"
                                : "feedback is taken once the contact is COMPLETED; it is " + stored.state);
                    }
                    metrics.feedback(body.csat());
                    stored.csat = body.csat();
                    stored.feedbackComment = body.comment();
                    stored.feedbackAt = at;
                    return ContactView.of(stored, null, null);
                }));
    }

    /** The customer left: not yet connected it is abandoned; connected, the agent is told. */
    @DELETE
    @Path("/{id}")
    public Uni<ContactView> leave(@RestPath String id) {
        return visible(id).chain(stored -> switchboard.customerLeft(id)).map(left -> left
                .map(standing -> ContactView.of(standing.contact(), null, null))
                .orElseThrow(() -> ProblemException.conflict("contact " + id + " has already ended")));
    }

    private Uni<RestResponse<ContactView>> admit(NewContact body, String gateway, String idempotencyKey) {
        ContactEntity contact = newContact(body, gateway, idempotencyKey);
        return switchboard.admit(contact).map(admission -> {
            var standing = admission.standing();
            ContactView view = ContactView.of(standing.contact(), standing.position(), standing.estimatedWaitSeconds());
            return admission.created()
                    // Set as a header, not with location(), which would make it absolute from the
                    // request's host and scheme: wrong behind a TLS-terminating proxy.
                    ? RestResponse.ResponseBuilder.create(Response.Status.CREATED, view)
                            .header(HttpHeaders.LOCATION, "/v1/contacts/" + contact.id).build()
                    : RestResponse.ok(view);
        });
    }

    /** The live standing when the router holds the contact, else the stored row. */
    private Uni<ContactView> answer(ContactEntity stored) {
        return switchboard.standing(stored.id).map(live -> live
                .map(standing -> ContactView.of(standing.contact(), standing.position(), standing.estimatedWaitSeconds()))
                .orElseGet(() -> ContactView.of(stored, null, null)));
    }

    /** The stored contact if this caller may see it: its own gateway's, or any for an admin. */
    private Uni<ContactEntity> visible(String id) {
        if (id.length() > MAX_ID || !PlainText.Rules.isPlain(id, false)) {
            // Never stored, since the store refuses such text: asking it would be an error, not a 404.
            return Uni.createFrom().failure(ProblemException.notFound("no contact with such an id"));
        }
        return sessions.withStatelessSession(session -> session.get(ContactEntity.class, id))
                .map(stored -> {
                    if (stored == null || !(stored.gatewayId.equals(caller.getPrincipal().getName())
                            || caller.hasRole(Roles.ADMIN))) {
                        throw ProblemException.notFound("no contact " + id);
                    }
                    return stored;
                });
    }

    private Uni<Optional<ContactEntity>> storedByKey(String gateway, String idempotencyKey) {
        return sessions.withStatelessSession(session -> session.createSelectionQuery(
                        "from ContactEntity where gatewayId = :gateway and idempotencyKey = :key", ContactEntity.class)
                .setParameter("gateway", gateway)
                .setParameter("key", idempotencyKey)
                .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    private static ContactEntity newContact(NewContact body, String gateway, String idempotencyKey) {
        ContactEntity contact = new ContactEntity();
        contact.id = UUID.randomUUID().toString();
        contact.gatewayId = gateway;
        contact.idempotencyKey = idempotencyKey;
        contact.channel = body.channel();
        contact.mode = "LIVE";
        contact.customerId = body.customer().id();
        contact.customerName = body.customer().name();
        contact.customerLanguage = body.customer().language();
        contact.requiredSkills = SkillMaps.write(body.skills() == null ? Map.of() : body.skills());
        contact.priority = body.priority() == null ? 0 : body.priority();
        contact.topic = body.topic();
        contact.context = body.context() == null ? null : body.context().toString();
        contact.state = "QUEUED";
        contact.createdAt = Instant.now();
        return contact;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
