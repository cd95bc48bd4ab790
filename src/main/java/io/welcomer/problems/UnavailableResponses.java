package io.welcomer.problems;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/** Every operation of the API may answer 503 with Retry-After while the store cannot take work. */
public class UnavailableResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("503")) {
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("The store cannot take work now (down, slow, or too much waiting); nothing was "
                            + "done. An application/problem+json body; retry after Retry-After.")
                    .addHeader("Retry-After", OASFactory.createHeader()
                            .description("Seconds to wait before retrying")));
        }
        return operation;
    }
}
