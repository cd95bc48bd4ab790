package io.welcomer.agents.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.routing.Command;
import io.welcomer.routing.Outcome;
import io.welcomer.routing.TransferTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent protocol as the codec reads it: each frame becomes its command, each bad one its error frame. */
class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec(new ObjectMapper());

    @Test
    void eachFrameBecomesItsCommand() {
        assertEquals(new Command.MakeAvailable("a1"), command("{\"type\": \"available\", \"extra\": 1}"));
        assertEquals(new Command.StepAway("a1", "lunch", true),
                command("{\"afterCurrent\": true, \"type\": \"away\", \"reason\": \"lunch\"}"));
        assertEquals(new Command.AcceptOffer("a1", "c1"), command("{\"type\": \"accept\", \"contactId\": \"c1\"}"));
        assertEquals(new Command.CompleteContact("a1", "c1", new Outcome(true, "refund", "line one\nline two")),
                command("{\"type\": \"complete\", \"contactId\": \"c1\", \"outcome\": {\"resolved\": true,"
                        + " \"code\": \"refund\", \"notes\": \"line one\\nline two\"}}"));
        assertEquals(new Command.TransferContact("a1", "c1", new TransferTarget.ToLine(Map.of("billing", 3), "es"), null),
                command("{\"type\": \"transfer\", \"contactId\": \"c1\", \"mode\": \"cold\","
                        + " \"to\": {\"skills\": {\"billing\": 3}, \"language\": \"es\"}}"));
        assertEquals(new AgentFrame.Token("t"), codec.read("{\"type\": \"token\", \"token\": \"t\"}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json                                                   | bad-frame     | the frame is not JSON
            [1, 2]                                                     | bad-frame     | the frame is not a JSON object
            `"accept"`                                                 | bad-frame     | the frame is not a JSON object
            {"contactId": "x"}                                         | missing-field | type is required
            {"type": ""}                                               | missing-field | type is required
            {"type": "dance"}                                          | unknown-type  | unknown frame type: dance
            {"type": "accept"}                                         | missing-field | contactId is required
            {"type": "accept", "contactId": 42}                        | invalid-field | contactId must be a string
            {"type": "accept", "contactId": "a\\u0000b"}               | invalid-field | contactId must not contain control characters or broken Unicode
            {"type": "away", "reason": "lunch", "afterCurrent": "yes"} | invalid-field | afterCurrent must be true or false
            {"type": "complete", "contactId": "c"}                     | missing-field | outcome is required, with resolved true or false
            {"type": "complete", "contactId": "c", "outcome": "x"}     | missing-field | outcome is required, with resolved true or false
            {"type": "complete", "contactId": "c", "outcome": {"resolved": "yes"}} | missing-field | outcome.resolved is required: true or false
            {"type": "transfer", "contactId": "c", "mode": "hot", "to": {"agentId": "a"}} | invalid-field | mode must be warm or cold
            {"type": "transfer", "contactId": "c", "mode": "cold", "to": "x"} | missing-field | to is required: {"agentId"} for a warm transfer, {"skills"} for a cold one
            {"type": "transfer", "contactId": "c", "mode": "cold", "to": {"skills": [1]}} | invalid-field | to.skills must be an object of at most 20 skills
            {"type": "transfer", "contactId": "c", "mode": "cold", "to": {"skills": {"s": 2.5}}} | invalid-field | to.skills.s must be a proficiency 1-5
            {"type": "transfer", "contactId": "c", "mode": "warm", "to": {"skills": {}}} | invalid-field | a warm transfer goes to an agent: to.agentId, not skills
            {"type": "follow-up", "contactId": "c", "at": "tomorrow"} | invalid-field | at must be an ISO-8601 instant such as 2026-12-01T10:00:00Z
            {"type": "follow-up", "contactId": "c", "at": "2026-12-01T10:00:00Z", "number": "555"} | invalid-field | number must be an E.164 number such as +15551234567
            """)
    void aBadFrameGetsTheErrorThatNamesIt(String frame, String code, String message) {
        AgentFrame.BadFrame bad = assertThrows(AgentFrame.BadFrame.class, () -> codec.read(frame));
        assertEquals(new Frames.Error(code, message), bad.error());
    }

    private Command command(String frame) {
        return ((AgentFrame.Act) codec.read(frame)).command("a1");
    }
}
