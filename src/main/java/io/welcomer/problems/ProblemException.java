package io.welcomer.problems;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/** A domain error a resource raises; the mapper turns it into a problem response. */
public class ProblemException extends RuntimeException {

    /** 422, which this version of Jakarta REST has no constant for. */
    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final Response.StatusType status;
    private final Integer retryAfterSeconds;
    private final List<Problem.FieldError> errors;

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, null, null);
    }

    private ProblemException(Response.StatusType status, String detail, Integer retryAfterSeconds,
                             List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errors = errors;
    }

    /** Bad input in one field (of the body, or a query parameter): a 400 naming it. */
    public static ProblemException invalidField(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** Bad input in several fields at once: a 400 naming each. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return withErrors(Response.Status.BAD_REQUEST, errors);
    }

    /** Well-formed input that names something the server cannot do it with: a 422 naming the field. */
    public static ProblemException unprocessable(String field, String message) {
        return withErrors(UNPROCESSABLE, List.of(new Problem.FieldError(field, message)));
    }

    private static ProblemException withErrors(Response.StatusType status, List<Problem.FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return new ProblemException(status, detail, null, List.copyOf(errors));
    }

    /**
     * The same problem about a part of a larger body: each field named within {@code prefix}
     * ({@code "lines.billing."}), the detail naming them so too.
     */
    public ProblemException within(String prefix) {
        if (errors == null) {
            return this;
        }
        return withErrors(status, errors.stream().map(error -> error.within(prefix)).toList());
    }

    /** One caller asks too much: it may try again after this many seconds. */
    public static ProblemException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ProblemException(Response.Status.TOO_MANY_REQUESTS, detail, retryAfterSeconds, null);
    }

    /** The server cannot take this work now: try again after this many seconds. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, detail, retryAfterSeconds, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    public Problem problem() {
        Problem problem = Problem.of(status, getMessage());
        return errors == null ? problem
                : new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), errors);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem());
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds.toString());
        }
        return response.build();
    }
}
