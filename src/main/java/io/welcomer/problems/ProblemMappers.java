package io.welcomer.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import io.welcomer.switchboard.StoreRefused;
import io.welcomer.switchboard.SqlStates;
import io.welcomer.switchboard.StoreUnavailable;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.HibernateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the HTTP API as application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Duration READ_RETRY_AFTER = Duration.ofSeconds(2);

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(Problem.FieldError::of)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return new Problem("about:blank", "Invalid request", 400, detail, errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return unreadableBody(e);
    }

    /** More specific than Quarkus's own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadableBody(e);
    }

    /** No credential, or one nobody knows (see BearerAuthentication). */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "this credential may not call this endpoint").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.of(status, e.getMessage()).toResponse();
    }

    /** The store cannot take writes now: nothing was done, the caller may retry after the pause. */
    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailable e) {
        return unavailable(e.getMessage(), e.retryAfter());
    }

    /** The waiting line is at its bound: nothing was done, the gateway may retry after the pause. */
    @ServerExceptionMapper
    public Response lineFull(LineFull e) {
        return unavailable(e.getMessage(), e.retryAfter());
    }

    /** A read failed on the store: nothing was acknowledged, the gateway may retry. */
    @ServerExceptionMapper({HibernateException.class, PgException.class})
    public Response storeFailed(RuntimeException e) {
        LOG.warn("store unavailable", e);
        return unavailable("the store is unavailable; retry later", READ_RETRY_AFTER);
    }

    /** PostgreSQL refused one of the request's values; nothing of this request was stored. */
    @ServerExceptionMapper
    public Response storeRefused(StoreRefused e) {
        return new Problem("about:blank", "Invalid request", 400, e.getMessage(), null).toResponse();
    }

    /** The store could not be reached (refused, cut, shutting down): nothing was done; retry. */
    @ServerExceptionMapper
    public Response storeUnreachable(IOException e) {
        LOG.warn("store unreachable", e);
        return unavailable("the store is unavailable; retry later", READ_RETRY_AFTER);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (SqlStates.isUnavailable(e)) {
            // A store outage whatever wraps it (a closed connection, a shutdown, a lack of resources).
            LOG.warn("store unavailable", e);
            return unavailable("the store is unavailable; retry later", READ_RETRY_AFTER);
        }
        LOG.error("unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "unexpected failure").toResponse();
    }

    private static Response unavailable(String detail, Duration retryAfter) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))
                .entity(Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail)).build();
    }

    private static Response unauthorized() {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(Response.Status.UNAUTHORIZED, "a valid bearer credential is required")).build();
    }

    private static Response unreadableBody(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            // A gateway's typo ("prority") must not quietly become a contact with the default.
            String field = pathOf(unknown);
            return new Problem("about:blank", "Invalid request", 400, field + " is not a known field",
                    List.of(new Problem.FieldError(field, "is not a known field"))).toResponse();
        }
        List<Problem.FieldError> errors = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors = List.of(new Problem.FieldError(pathOf(mapping), "has the wrong type"));
        }
        return new Problem("about:blank", "Malformed JSON", 400,
                "the body is not valid JSON of the expected shape: " + e.getOriginalMessage(), errors).toResponse();
    }

    private static String pathOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
