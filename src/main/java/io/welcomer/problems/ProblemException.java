package io.welcomer.problems;

import jakarta.ws.rs.core.Response;

/** A domain error a resource raises; the mapper turns it into a problem response. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;

    public ProblemException(Response.Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
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
}
