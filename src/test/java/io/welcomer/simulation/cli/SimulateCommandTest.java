package io.welcomer.simulation.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner's command line, on the example files the README points to. */
class SimulateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theStaffingExampleAnswers22Agents() throws IOException {
        assertEquals(0, simulate("load-tests/scenarios/staffing-80-in-20.json"), err::toString);

        JsonNode answer = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(22, answer.path("agents").asInt());
        assertEquals("C", answer.path("atAgents").path("erlang").path("model").asText());
    }

    @Test
    void theSkillsExampleRunsWithoutAClosedForm() throws IOException {
        assertEquals(0, simulate("load-tests/scenarios/billing-and-tech.json"), err::toString);

        JsonNode result = new ObjectMapper().readTree(out.toByteArray());
        // 150 + 90 contacts an hour for 200 measured hours.
        assertEquals(48_000, result.path("contacts").asDouble(), 0.03 * 48_000);
        assertTrue(result.path("erlang").isNull());
    }

    @Test
    void anInvalidFileSaysWhatIsWrongAndExitsWith2(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"hours\": -1, \"agents\": [], \"arrivals\": []}");

        assertEquals(2, simulate(file.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("hours must be greater than 0"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("agents size must be between 1 and 20"));
    }

    @Test
    void aBadFieldInAScenariosLineIsNamedByItsPlaceInTheFile(@TempDir Path dir) throws IOException {
        String line = "{\"channels\": [\"voice\"], \"overflow\": [%s]}";
        Path missing = Files.writeString(dir.resolve("missing.json"), scenarioWithLine(line.formatted("{\"line\": \"x\"}")));
        Path unreadable = Files.writeString(dir.resolve("unreadable.json"),
                scenarioWithLine(line.formatted("{\"after\": \"soon\", \"skills\": {\"x\": 1}}")));

        assertEquals(2, simulate(missing.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("lines.billing.overflow.0.after must not be null"));
        assertEquals(2, simulate(unreadable.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("lines.billing.overflow.0.after must be a wait"));
    }

    private static String scenarioWithLine(String line) {
        return """
                {"hours": 10, "agents": [{"count": 1, "skills": {"x": 1}}],
                 "arrivals": [{"channel": "voice", "perHour": 1, "touchTimeSeconds": 60, "line": "billing"}],
                 "lines": {"billing": %s}}""".formatted(line);
    }

    @Test
    void aMissingFileExitsWith2() {
        assertEquals(2, simulate("no-such-scenario.json"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("no-such-scenario.json"));
    }

    private int simulate(String file) {
        return SimulateCommand.run(new String[] {SimulateCommand.NAME, file}, new PrintStream(out, true),
                new PrintStream(err, true));
    }
}
