package io.welcomer.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.agents.ws.Frames;
import io.welcomer.routing.Refusal;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/websocket.md has every frame the server sends, every frame it takes, and every error code. */
@QuarkusTest
class WebSocketReferenceTest {

    private static final Path REFERENCE = Path.of("docs", "websocket.md");
    private static final Pattern AGENT_FRAME = Pattern.compile("^\\| `\\{\"type\": \"([a-z-]+)\"");

    @Test
    void everyFrameTheServerSendsIsInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        List<String> sent = new ArrayList<>();
        for (Class<?> frame : Frames.class.getDeclaredClasses()) {
            typeOf(frame).ifPresent(sent::add);
        }
        assertTrue(sent.contains("offer"), "the frames were not found: " + sent);
        for (String type : sent) {
            assertTrue(reference.contains("| `" + type + "` |"), "docs/websocket.md, \"Server to agent\": no row for `"
                    + type + "`, a frame the server sends");
        }
    }

    @Test
    void everyRefusalsErrorCodeIsInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        for (Refusal refusal : Refusal.values()) {
            String code = refusal.name().toLowerCase(Locale.ROOT).replace('_', '-');
            assertTrue(reference.contains("| `" + code + "` |"), "docs/websocket.md, \"Error codes\": no row for `"
                    + code + "` (" + refusal.message() + ")");
        }
    }

    /** Each documented frame type is taken (at worst a missing field), and a made-up one is refused as unknown. */
    @Test
    void theServerTakesEveryFrameTheReferenceListsAndNoOther() throws Exception {
        Set<String> documented = new LinkedHashSet<>(List.of("available", "away"));
        for (String line : Files.readAllLines(REFERENCE)) {
            Matcher frame = AGENT_FRAME.matcher(line);
            if (frame.find()) {
                documented.add(frame.group(1));
            }
        }
        assertTrue(documented.size() > 2, "no frames found in the \"Agent to server\" table");
        String reference = Files.readString(REFERENCE);
        String token = Api.agentWithToken(Api.uniqueId("reference"), Map.of(Api.uniqueSkill(), 1), Map.of());
        try (AgentClient agent = AgentClient.connect(token)) {
            agent.next("hello");
            for (String type : documented) {
                agent.send(Map.of("type", type));
                JsonNode answer = agent.next();
                if (answer.path("type").asText().equals("error")) {
                    assertNotEquals("unknown-type", answer.path("code").asText(), type + " is documented but not taken");
                    assertTrue(reference.contains("| `" + answer.path("code").asText() + "` |"),
                            "docs/websocket.md, \"Error codes\": no row for " + answer);
                } else {
                    assertEquals("presence", answer.path("type").asText(), type + " was answered " + answer);
                }
            }
            agent.send(Map.of("type", "no-such-frame"));
            JsonNode unknown = agent.next();
            assertEquals("unknown-type", unknown.path("code").asText(), unknown.toString());
            assertTrue(reference.contains("| `unknown-type` |"));
            agent.send("not json");
            JsonNode bad = agent.next();
            assertTrue(reference.contains("| `" + bad.path("code").asText() + "` |"), "no row for " + bad);
        }
        assertFalse(documented.contains("no-such-frame"));
    }

    /** The {@code type} a frame record carries, read by building one through its typed constructor. */
    private static java.util.Optional<String> typeOf(Class<?> frame) throws Exception {
        if (!frame.isRecord() || frame.getRecordComponents().length == 0
                || !frame.getRecordComponents()[0].getName().equals("type")) {
            return java.util.Optional.empty();
        }
        RecordComponent[] components = frame.getRecordComponents();
        for (Constructor<?> constructor : frame.getConstructors()) {
            if (constructor.getParameterCount() == components.length - 1) {
                Object[] arguments = new Object[constructor.getParameterCount()];
                Class<?>[] types = constructor.getParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    arguments[i] = types[i] == long.class ? 0L : types[i] == int.class ? 0
                            : types[i] == boolean.class ? false : null;
                }
                return java.util.Optional.of((String) components[0].getAccessor().invoke(constructor.newInstance(arguments)));
            }
        }
        throw new AssertionError(frame + " has a type but no constructor that sets it");
    }
}
