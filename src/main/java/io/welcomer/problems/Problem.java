package io.welcomer.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** An RFC 9457 problem: what went wrong, in a body a client can read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public record FieldError(String field, String message) {

        /**
         * A violation named by the JSON path of the value, not the Java method: "customer.id",
         * "skills.billing", "arrivals.0.perHour", "lines.billing.overflow.0.after".
         */
        public static FieldError of(ConstraintViolation<?> violation) {
            List<Path.Node> nodes = new ArrayList<>();
            violation.getPropertyPath().forEach(nodes::add);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                Path.Node node = nodes.get(i);
                switch (node.getKind()) {
                    case PROPERTY -> {
                        inContainer(node, parts);
                        parts.add(node.getName());
                    }
                    case CONTAINER_ELEMENT -> inContainer(node, parts);
                    case PARAMETER -> {
                        if (i == nodes.size() - 1) {
                            parts.add(node.getName());
                        }
                    }
                    default -> { }
                }
            }
            return new FieldError(parts.isEmpty() ? "body" : String.join(".", parts), violation.getMessage());
        }

        /** The element's place in the list or map it is in: its index or key. */
        private static void inContainer(Path.Node node, List<String> parts) {
            if (node.getKey() != null) {
                parts.add(node.getKey().toString());
            } else if (node.getIndex() != null) {
                parts.add(node.getIndex().toString());
            }
        }

        /** The same error, its field within {@code prefix} ("lines.billing."). */
        FieldError within(String prefix) {
            return new FieldError(prefix + field, message);
        }
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
