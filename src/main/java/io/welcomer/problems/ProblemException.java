package io.welcomer.problems;

import jakarta.ws.rs.core.Response;

/** A domain error a resource raises; the mapper turns it into a problem response. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final Integer retryAfterSeconds;

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, null);
    }

    private ProblemException(Response.Status status, String detail, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** One caller asks too much: it may try again after this many seconds. */
    public static ProblemException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ProblemException(Response.Status.TOO_MANY_REQUESTS, detail, retryAfterSeconds);
    }

    /** The server cannot take this work now: try again after this many seconds. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, detail, retryAfterSeconds);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    public Problem problem() {
        return Problem.of(status, getMessage());
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem());
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds.toString());
        }
        return response.build();
    }
}
