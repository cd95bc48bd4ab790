package io.welcomer.simulation.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.OverloadedException;
import io.welcomer.simulation.Simulator;
import io.welcomer.simulation.Staffing;
import io.welcomer.simulation.TargetOutOfReachException;
import io.welcomer.simulation.rest.ScenarioBody;
import io.welcomer.simulation.rest.StaffingBody;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * {@code simulate <file.json>}: runs a scenario (the body of {@code POST /v1/simulations}) or, when
 * the file has a {@code target}, answers a staffing question (the body of
 * {@code POST /v1/simulations/staffing}), under the default routing rules, and prints the answer
 * as JSON. Exit status 0 on an answer, 2 for an unreadable or invalid file, 3 when the centre
 * cannot keep up or no staffing meets the target.
 */
public final class SimulateCommand {

    public static final String NAME = "simulate";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SimulateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java -jar quarkus-run.jar simulate <scenario.json>");
            return 2;
        }
        try (ValidatorFactory validation = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            JsonNode file = JSON.readTree(Path.of(args[1]).toFile());
            Object answer = file.has("target") ? staffing(JSON.treeToValue(file, StaffingBody.class),
                    validation.getValidator()) : simulation(JSON.treeToValue(file, ScenarioBody.class),
                    validation.getValidator());
            out.println(JSON.writeValueAsString(answer));
            return 0;
        } catch (InvalidScenario | IOException e) {
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

    private static Object staffing(StaffingBody body, Validator validator) {
        check(validator.validate(body));
        return Staffing.find(body.toScenario(), body.target().toTarget(), RoutingRules.defaults());
    }

    private static <T> void check(Set<ConstraintViolation<T>> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidScenario(violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
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
