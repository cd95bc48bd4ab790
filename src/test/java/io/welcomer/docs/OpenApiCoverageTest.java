package io.welcomer.docs;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint (each JAX-RS resource method among the compiled classes) is in the live
 * OpenAPI document with a summary and the answers it gives, and every operation there lists the
 * problems any endpoint may give. A new endpoint without its annotations fails here, saying what to add.
 */
@QuarkusTest
class OpenApiCoverageTest {

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    /** Answers the server may give on any operation, added to each by io.welcomer.problems.CommonProblems. */
    private static final List<String> COMMON = List.of("401", "403", "429", "503");

    @Test
    void everyEndpointIsDocumentedWithASummaryAndItsAnswers() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(get("/q/openapi?format=json").asString()).path("paths");
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 18, "the resource methods were not found: " + endpoints);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            JsonNode operation = paths.path(endpoint.path()).path(endpoint.verb().toLowerCase(Locale.ROOT));
            APIResponse[] declared = endpoint.method().getAnnotationsByType(APIResponse.class);
            if (operation.isMissingNode()) {
                wrong.add(endpoint + " is not in the OpenAPI document: is it hidden, or its path built at run time?");
                continue;
            }
            if (operation.path("summary").asText().isBlank() || !endpoint.method().isAnnotationPresent(Operation.class)) {
                wrong.add(endpoint + " has no summary: add @Operation(summary = \"what it does, for whom\")");
            }
            if (Stream.of(declared).noneMatch(response -> response.responseCode().startsWith("2"))) {
                wrong.add(endpoint + " declares no success: add @APIResponse(responseCode = \"200\", description ="
                        + " \"...\") (201, 202 or 204 if that is what it answers), and one @APIResponse per problem it"
                        + " really answers (400, 404, 409, 422, ...; 401, 403, 413, 429 and 503 are added to every"
                        + " operation)");
            }
            for (APIResponse response : declared) {
                JsonNode documented = operation.path("responses").path(response.responseCode());
                if (documented.isMissingNode()) {
                    wrong.add(endpoint + " declares " + response.responseCode() + " but the document lacks it");
                } else if (response.responseCode().startsWith("2") && !response.responseCode().equals("204")
                        && documented.path("content").isEmpty()) {
                    wrong.add(endpoint + " answers " + response.responseCode() + " without a body schema: add content ="
                            + " @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation ="
                            + " TheBody.class)) to its @APIResponse");
                }
            }
            for (String common : COMMON) {
                if (!operation.path("responses").path(common).path("content").has("application/problem+json")) {
                    wrong.add(endpoint + " lacks the common problem " + common + " (io.welcomer.problems.CommonProblems)");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "The OpenAPI document misses endpoints or their answers:\n" + String.join("\n", wrong));
    }

    @Test
    void everyRequestBodyAndProblemHasASchema() throws Exception {
        JsonNode document = new ObjectMapper().readTree(get("/q/openapi?format=json").asString());
        assertFalse(document.path("components").path("schemas").path("Problem").isMissingNode(), "no Problem schema");
        List<String> wrong = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(verb -> {
            JsonNode body = verb.getValue().path("requestBody").path("content").path("application/json").path("schema");
            if (!verb.getValue().path("requestBody").isMissingNode() && body.isMissingNode()) {
                wrong.add(verb.getKey() + " " + path.getKey() + " takes a body without a schema");
            }
        }));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private record Endpoint(String verb, String path, Method method) {
        @Override
        public String toString() {
            return verb + " " + path + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    /** Every resource method of every class with a {@code @Path}, found by reflection on the compiled classes. */
    private static List<Endpoint> endpoints() throws IOException {
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, OpenApiCoverageTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    continue;
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (verb != null) {
                            Path sub = method.getAnnotation(Path.class);
                            endpoints.add(new Endpoint(verb.value(), join(root.value(), sub == null ? "" : sub.value()), method));
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    /** The OpenAPI form of a JAX-RS path: one slash between parts, no trailing one, no regex in templates. */
    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/").replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
