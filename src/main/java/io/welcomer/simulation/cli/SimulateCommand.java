package io.welcomer.simulation.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.welcomer.problems.Problem;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.OverloadedException;
import io.welcomer.simulation.Scenario;
import io.welcomer.simulation.Simulator;
import io.welcomer.simulation.Staffing;
import io.welcomer.simulation.TargetOutOfReachException;
import io.welcomer.simulation.rest.HistoryArrivals;
import io.welcomer.simulation.rest.ScenarioBody;
import io.welcomer.simulation.rest.StaffingAnswer;
import io.welcomer.simulation.rest.StaffingBody;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * {@code simulate <file.json>}: runs a scenario (the body of {@code POST /v1/simulations}) or, when
 * the file has a {@code target}, answers a staffing question (the body of
 * {@code POST /v1/simulations/staffing}), under the default routing rules, and prints the answer
 * as JSON. A staffing question {@code fromHistory} reads the line and its history from a server:
 * {@code --server <url>} with a supervisor or admin key in {@code WELCOMER_KEY}. Exit status 0 on an
 * answer, 2 for an unreadable or invalid file (or a history it cannot read), 3 when the centre
 * cannot keep up or no staffing meets the target.
 */
public final class SimulateCommand {

    public static final String NAME = "simulate";
    /** The environment variable holding the key that reads a history from the server. */
    public static final String KEY = "WELCOMER_KEY";

    private static final String USAGE = "usage: java -jar quarkus-run.jar simulate <scenario.json> [--server <url>]"
            + " (a staffing question fromHistory reads it from the server, with the key in " + KEY + ")";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .registerModule(new JavaTimeModule());

    private SimulateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        boolean withServer = args.length == 4 && args[2].equals("--server");
        if (args.length != 2 && !withServer) {
            err.println(USAGE);
            return 2;
        }
        try (ValidatorFactory validation = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            JsonNode file = JSON.readTree(Path.of(args[1]).toFile());
            Object answer = file.has("target") ? staffing(JSON.treeToValue(file, StaffingBody.class),
                    validation.getValidator(), withServer ? URI.create(args[3]) : null, environment.get(KEY))
                    : simulation(JSON.treeToValue(file, ScenarioBody.class), validation.getValidator());
            out.println(JSON.writeValueAsString(answer));
            return 0;
        } catch (InvalidScenario | ProblemException | IOException | IllegalArgumentException e) {
            err.println(args[1] + ": " + e.getMessage());
            return 2;
        } catch (OverloadedException | TargetOutOfReachException e) {
            err.println(e.getMessage());
            return 3;
        }
    }

    private static Object simulation(ScenarioBody body, Validator validator) {
        check(validator.validate(body));
        return Simulator.run(body.toScenario(), RoutingRules.defaults());
    }

    private static Object staffing(StaffingBody body, Validator validator, URI server, String key)
            throws IOException {
        check(validator.validate(body));
        body.checkArrivals();
        HistoryArrivals history = null;
        if (body.fromHistory() != null) {
            if (server == null || key == null || key.isBlank()) {
                throw new InvalidScenario("fromHistory reads the line's history from a server: --server <url>, with"
                        + " a supervisor or admin key in " + KEY);
            }
            history = new ServerHistory(server, key, JSON).arrivals(body.fromHistory());
        }
        Scenario scenario = body.toScenario(history);
        return new StaffingAnswer(Staffing.find(scenario, body.target().toTarget(), RoutingRules.defaults()), history);
    }

    private static <T> void check(Set<ConstraintViolation<T>> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidScenario(violations.stream()
                    .map(Problem.FieldError::of)
                    .map(error -> error.field() + " " + error.message())
                    .sorted(Comparator.naturalOrder())
                    .reduce((a, b) -> a + "; " + b).orElseThrow());
        }
    }

    private static final class InvalidScenario extends RuntimeException {
        InvalidScenario(String message) {
            super(message, null, false, false);
        }
    }
}
