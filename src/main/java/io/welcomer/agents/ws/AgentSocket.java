package io.welcomer.agents.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.WebSocketSecurity;
import io.smallrye.mutiny.Uni;
import io.welcomer.problems.PlainText;
import io.welcomer.routing.Command;
import io.welcomer.routing.Languages;
import io.welcomer.routing.Outcome;
import io.welcomer.routing.TransferTarget;
import io.welcomer.security.BearerIdentities;
import io.welcomer.security.Roles;
import io.welcomer.switchboard.StoreRefused;
import io.welcomer.switchboard.StoreUnavailable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An agent's session. The upgrade needs an agent token or an agent's sign-in at the centre's
 * provider, so an unauthenticated socket never opens. A bad frame gets an {@code error} frame and
 * the session stays open.
 */
@WebSocket(path = "/v1/ws/agent", endpointId = AgentSocket.ENDPOINT)
@RolesAllowed(Roles.AGENT)
public class AgentSocket {

    static final String ENDPOINT = "agent";
    static final CloseReason NO_LONGER_AN_AGENT = new CloseReason(1008, "no longer signed in as an agent");
    /** An access token from the centre's provider; a JWT of many claims runs to a few KiB. */
    static final int MAX_TOKEN = 12_000;

    static final int MAX_ID = 64;
    static final int MAX_CODE = 64;
    static final int MAX_NOTES = 2048;
    /** As many as a new contact may require. */
    static final int MAX_SKILLS = 20;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    @Inject
    AgentSessions sessions;
    @Inject
    TokenLifetimes lifetimes;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper json;
    @Inject
    AgentLinks links;
    @Inject
    SocketLimits limits;
    @Inject
    WebSocketSecurity security;

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        limits.attach(connection);
        lifetimes.opened(connection, agentId(), identity.getAttribute(BearerIdentities.TOKEN_EXPIRES_AT));
        return sessions.opened(agentId(), connection);
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        lifetimes.closed(connection);
        return sessions.closed(agentId(), connection);
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        switch (limits.admit(connection, text)) {
            case SocketLimits.Verdict.Answer answer -> {
                return send(connection, answer.error());
            }
            case SocketLimits.Verdict.Drop drop -> {
                return Uni.createFrom().voidItem();
            }
            case SocketLimits.Verdict.Handle handle -> { }
        }
        AgentSessions.Said said;
        try {
            JsonNode frame = read(text);
            if (frame.path("type").asText("").equals("token")) {
                return refresh(connection, requiredText(frame, "token", MAX_TOKEN));
            }
            said = parse(frame);
        } catch (BadFrame bad) {
            return send(connection, new Frames.Error(bad.code, bad.getMessage()));
        }
        return sessions.says(said).chain(refused -> refused.isEmpty()
                ? Uni.createFrom().voidItem()
                : send(connection, refused.get()))
                // Nothing was done; the session stays open and the agent may send it again.
                .onFailure(StoreUnavailable.class).recoverWithUni(failure -> send(connection,
                        new Frames.Error("unavailable", failure.getMessage())))
                .onFailure(StoreRefused.class).recoverWithUni(failure -> send(connection,
                        new Frames.Error("invalid-field", failure.getMessage())));
    }

    private JsonNode read(String text) throws BadFrame {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (Exception e) {
            throw new BadFrame("bad-frame", "the frame is not JSON");
        }
        if (frame == null || !frame.isObject()) {
            throw new BadFrame("bad-frame", "the frame is not a JSON object");
        }
        return frame;
    }

    /**
     * A console signed in at the centre's provider hands over its refreshed access token, so the
     * session outlives the token it opened with (else it is closed with 1008 when that expires).
     * A token that no longer makes this person an agent ends the session with 1008 now.
     */
    private Uni<Void> refresh(WebSocketConnection connection, String token) {
        return Uni.createFrom().completionStage(() -> security.updateSecurityIdentity(token))
                .chain(updated -> updated.hasRole(Roles.AGENT) ? Uni.createFrom().voidItem()
                        : connection.close(NO_LONGER_AN_AGENT))
                .onFailure().recoverWithUni(failure -> connection.isClosed() ? Uni.createFrom().voidItem()
                        : send(connection, new Frames.Error("invalid-token", "the token was not accepted; the session"
                                + " ends when the one it holds expires")));
    }

    private AgentSessions.Said parse(JsonNode frame) throws BadFrame {
        String type = frame.path("type").asText("");
        String agentId = agentId();
        if (type.equals("follow-up")) {
            return new AgentSessions.Said(new Command.ScheduleFollowUp(agentId, requiredText(frame, "contactId", MAX_ID),
                    UUID.randomUUID().toString(), instant(frame, "at")), number(frame), optionalText(frame, "note", MAX_NOTES));
        }
        return new AgentSessions.Said(switch (type) {
            case "available" -> new Command.MakeAvailable(agentId);
            case "away" -> new Command.StepAway(agentId, optionalText(frame, "reason", MAX_CODE),
                    optionalFlag(frame, "afterCurrent"));
            case "accept" -> new Command.AcceptOffer(agentId, requiredText(frame, "contactId", MAX_ID));
            case "reject" -> new Command.RejectOffer(agentId, requiredText(frame, "contactId", MAX_ID));
            case "end" -> new Command.EndContact(agentId, requiredText(frame, "contactId", MAX_ID));
            case "complete" -> new Command.CompleteContact(agentId, requiredText(frame, "contactId", MAX_ID),
                    outcome(frame.get("outcome")));
            case "transfer" -> new Command.TransferContact(agentId, requiredText(frame, "contactId", MAX_ID),
                    transferTarget(frame), optionalText(frame, "note", MAX_NOTES));
            case "cancel-transfer" -> new Command.CancelTransfer(agentId, requiredText(frame, "contactId", MAX_ID));
            case "" -> throw new BadFrame("missing-field", "type is required");
            default -> throw new BadFrame("unknown-type", "unknown frame type: " + abbreviated(type));
        });
    }

    private static Instant instant(JsonNode frame, String field) throws BadFrame {
        String value = requiredText(frame, field, MAX_CODE);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadFrame("invalid-field", field + " must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
        }
    }

    /** The number to dial for a follow-up, when the agent gives one: E.164, as for a callback. */
    private static String number(JsonNode frame) throws BadFrame {
        String number = optionalText(frame, "number", MAX_CODE);
        if (number != null && !E164.matcher(number).matches()) {
            throw new BadFrame("invalid-field", "number must be an E.164 number such as +15551234567");
        }
        return number;
    }

    /** Warm: {@code to: {agentId}}. Cold: {@code to: {skills, language?}}, a line like a new contact's. */
    private static TransferTarget transferTarget(JsonNode frame) throws BadFrame {
        String mode = requiredText(frame, "mode", MAX_CODE);
        JsonNode to = frame.get("to");
        if (to == null || !to.isObject()) {
            throw new BadFrame("missing-field", "to is required: {\"agentId\"} for a warm transfer, {\"skills\"} for a cold one");
        }
        return switch (mode) {
            case "warm" -> {
                if (to.has("skills") || to.has("language")) {
                    throw new BadFrame("invalid-field", "a warm transfer goes to an agent: to.agentId, not skills");
                }
                yield new TransferTarget.ToAgent(requiredText(to, "agentId", MAX_ID));
            }
            case "cold" -> {
                if (to.has("agentId")) {
                    throw new BadFrame("invalid-field", "a cold transfer goes to a line: to.skills, not an agent");
                }
                yield new TransferTarget.ToLine(skills(to.get("skills")), language(to));
            }
            default -> throw new BadFrame("invalid-field", "mode must be warm or cold");
        };
    }

    /** The skills a cold transfer's line needs, as in a new contact: name to minimum proficiency 1-5. */
    private static Map<String, Integer> skills(JsonNode skills) throws BadFrame {
        if (skills == null || skills.isNull()) {
            return Map.of();
        }
        if (!skills.isObject() || skills.size() > MAX_SKILLS) {
            throw new BadFrame("invalid-field", "to.skills must be an object of at most " + MAX_SKILLS + " skills");
        }
        Map<String, Integer> required = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> skill : skills.properties()) {
            String name = skill.getKey();
            JsonNode level = skill.getValue();
            if (name.isBlank() || name.length() > MAX_CODE || !PlainText.Rules.isPlain(name, false)) {
                throw new BadFrame("invalid-field", "to.skills names are 1-" + MAX_CODE + " plain characters");
            }
            if (!level.isInt() || level.intValue() < 1 || level.intValue() > 5) {
                throw new BadFrame("invalid-field", "to.skills." + abbreviated(name) + " must be a proficiency 1-5");
            }
            required.put(name, level.intValue());
        }
        return required;
    }

    private static String language(JsonNode to) throws BadFrame {
        String language = optionalText(to, "language", MAX_CODE);
        if (language != null && !Languages.isTag(language)) {
            throw new BadFrame("invalid-field", "to.language " + Languages.TAG_MESSAGE);
        }
        return language;
    }

    private static Outcome outcome(JsonNode outcome) throws BadFrame {
        if (outcome == null || !outcome.isObject()) {
            throw new BadFrame("missing-field", "outcome is required, with resolved true or false");
        }
        JsonNode resolved = outcome.get("resolved");
        if (resolved == null || !resolved.isBoolean()) {
            throw new BadFrame("missing-field", "outcome.resolved is required: true or false");
        }
        return new Outcome(resolved.booleanValue(), optionalText(outcome, "code", MAX_CODE),
                optionalText(outcome, "notes", MAX_NOTES));
    }

    private static boolean optionalFlag(JsonNode frame, String field) throws BadFrame {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new BadFrame("invalid-field", field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static String requiredText(JsonNode frame, String field, int maxLength) throws BadFrame {
        String value = optionalText(frame, field, maxLength);
        if (value == null || value.isBlank()) {
            throw new BadFrame("missing-field", field + " is required");
        }
        return value;
    }

    private static String optionalText(JsonNode frame, String field, int maxLength) throws BadFrame {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadFrame("invalid-field", field + " must be a string");
        }
        if (value.textValue().length() > maxLength) {
            throw new BadFrame("invalid-field", field + " must be at most " + maxLength + " characters");
        }
        // Notes are typed by an agent and may break lines; every other field is one line.
        if (!PlainText.Rules.isPlain(value.textValue(), field.equals("notes") || field.equals("note"))) {
            throw new BadFrame("invalid-field", field + " must not contain control characters or broken Unicode");
        }
        return value.textValue();
    }

    private Uni<Void> send(WebSocketConnection connection, Frames.Error error) {
        return limits.send(connection, links.encode(error));
    }

    private String agentId() {
        return identity.getPrincipal().getName();
    }

    private static String abbreviated(String text) {
        return text.length() <= MAX_CODE ? text : text.substring(0, MAX_CODE) + "...";
    }

    /** A frame the agent should fix: a code and a message for the error frame. */
    private static final class BadFrame extends Exception {
        final String code;

        BadFrame(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
