package io.welcomer.problems;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The OpenAPI document's conventions, so that no endpoint repeats them: every operation lists the
 * problems any endpoint may answer (401, 403, 429, 503, and 413 where it takes a body), and every
 * answer of 400 or above carries an {@code application/problem+json} body. An endpoint's own
 * {@code @APIResponse} for a code wins over the common one. The {@code Problem} schema and the
 * bearer scheme are in {@code META-INF/openapi.yaml}.
 */
public class CommonProblems implements OASFilter {

    private static final String RETRY_AFTER = "Retry-After";
    /** Quarkus's own descriptions of the answers it adds for a secured endpoint: replaced by ours. */
    private static final Map<String, String> GENERATED = Map.of("401", "Not Authorized", "403", "Not Allowed");
    private static final Map<String, String> COMMON = Map.of(
            "401", "No credential, or one the server does not know (WWW-Authenticate: Bearer)",
            "403", "A known credential whose role may not call this endpoint",
            "429", "This key sent more than welcomer.rate-limit allows; nothing was done, retry after Retry-After",
            "503", "The store cannot take work now (down, slow, or too much waiting), or the server is stopping;"
                    + " nothing was done, retry after Retry-After");
    private static final String TOO_LARGE = "The body is over quarkus.http.limits.max-body-size (64 KiB); nothing was read";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        COMMON.forEach((code, description) -> add(operation, code, description));
        if (operation.getRequestBody() != null) {
            add(operation, "413", TOO_LARGE);
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.compareTo("400") >= 0 && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problem());
            }
            if ((code.equals("429") || code.equals("503")) && (response.getHeaders() == null
                    || !response.getHeaders().containsKey(RETRY_AFTER))) {
                response.addHeader(RETRY_AFTER, OASFactory.createHeader().description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
        });
        return operation;
    }

    private static void add(Operation operation, String code, String description) {
        APIResponse existing = operation.getResponses().getAPIResponse(code);
        if (existing == null || GENERATED.get(code) != null && GENERATED.get(code).equals(existing.getDescription())) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE.toString(), OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
