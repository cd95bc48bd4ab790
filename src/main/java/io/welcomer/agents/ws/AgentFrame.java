package io.welcomer.agents.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.welcomer.problems.PlainText;
import io.welcomer.routing.Command;
import io.welcomer.routing.Languages;
import io.welcomer.routing.Outcome;
import io.welcomer.routing.TransferTarget;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A frame an agent's console sends, as the contract spells it; {@code type} names the record.
 * Each record checks its own fields as it is built and throws {@link BadFrame} for the
 * {@code error} frame; {@link FrameCodec} reads them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AgentFrame.Available.class, name = "available"),
        @JsonSubTypes.Type(value = AgentFrame.Away.class, name = "away"),
        @JsonSubTypes.Type(value = AgentFrame.Accept.class, name = "accept"),
        @JsonSubTypes.Type(value = AgentFrame.Reject.class, name = "reject"),
        @JsonSubTypes.Type(value = AgentFrame.End.class, name = "end"),
        @JsonSubTypes.Type(value = AgentFrame.Complete.class, name = "complete"),
        @JsonSubTypes.Type(value = AgentFrame.Transfer.class, name = "transfer"),
        @JsonSubTypes.Type(value = AgentFrame.CancelTransfer.class, name = "cancel-transfer"),
        @JsonSubTypes.Type(value = AgentFrame.FollowUp.class, name = "follow-up"),
        @JsonSubTypes.Type(value = AgentFrame.Token.class, name = "token")})
public sealed interface AgentFrame {

    int MAX_ID = 64;
    int MAX_CODE = 64;
    int MAX_NOTES = 2048;
    /** As many as a new contact may require. */
    int MAX_SKILLS = 20;
    /** An access token from the centre's provider; a JWT of many claims runs to a few KiB. */
    int MAX_TOKEN = 12_000;

    /** A frame that asks routing for something, on behalf of the agent whose session sent it. */
    sealed interface Act extends AgentFrame {
        Command command(String agentId);
    }

    record Available() implements Act {
        @Override
        public Command command(String agentId) {
            return new Command.MakeAvailable(agentId);
        }
    }

    record Away(String reason, Boolean afterCurrent) implements Act {
        public Away {
            optional("reason", reason, MAX_CODE);
        }

        @Override
        public Command command(String agentId) {
            return new Command.StepAway(agentId, reason, Boolean.TRUE.equals(afterCurrent));
        }
    }

    record Accept(String contactId) implements Act {
        public Accept {
            required("contactId", contactId, MAX_ID);
        }

        @Override
        public Command command(String agentId) {
            return new Command.AcceptOffer(agentId, contactId);
        }
    }

    record Reject(String contactId) implements Act {
        public Reject {
            required("contactId", contactId, MAX_ID);
        }

        @Override
        public Command command(String agentId) {
            return new Command.RejectOffer(agentId, contactId);
        }
    }

    record End(String contactId) implements Act {
        public End {
            required("contactId", contactId, MAX_ID);
        }

        @Override
        public Command command(String agentId) {
            return new Command.EndContact(agentId, contactId);
        }
    }

    record Complete(String contactId, Result outcome) implements Act {
        static final String OUTCOME_REQUIRED = "outcome is required, with resolved true or false";

        public Complete {
            required("contactId", contactId, MAX_ID);
            if (outcome == null) {
                throw new BadFrame("missing-field", OUTCOME_REQUIRED);
            }
            outcome.check();
        }

        @Override
        public Command command(String agentId) {
            return new Command.CompleteContact(agentId, contactId,
                    new Outcome(outcome.resolved(), outcome.code(), outcome.notes()));
        }
    }

    /** A completed contact's outcome as the agent gives it. */
    record Result(Boolean resolved, String code, String notes) {
        static final String RESOLVED_REQUIRED = "outcome.resolved is required: true or false";

        /** Checked by its frame, so that a frame's own fields are checked first. */
        void check() {
            if (resolved == null) {
                throw new BadFrame("missing-field", RESOLVED_REQUIRED);
            }
            optional("code", code, MAX_CODE);
            optional("notes", notes, MAX_NOTES);
        }
    }

    /** Warm: {@code to: {agentId}}. Cold: {@code to: {skills, language?}}, a line like a new contact's. */
    record Transfer(String contactId, String mode, Target to, String note) implements Act {
        static final String TO_REQUIRED =
                "to is required: {\"agentId\"} for a warm transfer, {\"skills\"} for a cold one";

        public Transfer {
            required("contactId", contactId, MAX_ID);
            required("mode", mode, MAX_CODE);
            if (to == null) {
                throw new BadFrame("missing-field", TO_REQUIRED);
            }
            switch (mode) {
                case "warm" -> to.checkWarm();
                case "cold" -> to.checkCold();
                default -> throw new BadFrame("invalid-field", "mode must be warm or cold");
            }
            optional("note", note, MAX_NOTES);
        }

        @Override
        public Command command(String agentId) {
            TransferTarget target = mode.equals("warm") ? new TransferTarget.ToAgent(to.agentId())
                    : new TransferTarget.ToLine(to.levels(), to.language());
            return new Command.TransferContact(agentId, contactId, target, note);
        }
    }

    /**
     * Where a transfer goes: an agent (warm), or a line's skills and language (cold). A level is
     * any number as sent, so that one out of range is named like any other.
     */
    record Target(String agentId, Map<String, Number> skills, String language) {
        static final String SKILLS_SHAPE = "to.skills must be an object of at most " + MAX_SKILLS + " skills";

        void checkWarm() {
            if (skills != null || language != null) {
                throw new BadFrame("invalid-field", "a warm transfer goes to an agent: to.agentId, not skills");
            }
            required("agentId", agentId, MAX_ID);
        }

        void checkCold() {
            if (agentId != null) {
                throw new BadFrame("invalid-field", "a cold transfer goes to a line: to.skills, not an agent");
            }
            if (skills != null) {
                if (skills.size() > MAX_SKILLS) {
                    throw new BadFrame("invalid-field", SKILLS_SHAPE);
                }
                skills.forEach((name, level) -> {
                    if (name.isBlank() || name.length() > MAX_CODE || !PlainText.Rules.isPlain(name, false)) {
                        throw new BadFrame("invalid-field", "to.skills names are 1-" + MAX_CODE + " plain characters");
                    }
                    if (!(level instanceof Integer value) || value < 1 || value > 5) {
                        throw new BadFrame("invalid-field", proficiency(name));
                    }
                });
            }
            optional("language", language, MAX_CODE);
            if (language != null && !Languages.isTag(language)) {
                throw new BadFrame("invalid-field", "to.language " + Languages.TAG_MESSAGE);
            }
        }

        Map<String, Integer> levels() {
            Map<String, Integer> levels = new LinkedHashMap<>();
            if (skills != null) {
                skills.forEach((name, level) -> levels.put(name, level.intValue()));
            }
            return levels;
        }

        static String proficiency(String skill) {
            return "to.skills." + abbreviated(skill) + " must be a proficiency 1-5";
        }
    }

    record CancelTransfer(String contactId) implements Act {
        public CancelTransfer {
            required("contactId", contactId, MAX_ID);
        }

        @Override
        public Command command(String agentId) {
            return new Command.CancelTransfer(agentId, contactId);
        }
    }

    /** A promise to contact the customer again at {@code at}, on {@code number} (E.164) if given. */
    record FollowUp(String contactId, String at, String number, String note) implements Act {
        private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

        public FollowUp {
            required("contactId", contactId, MAX_ID);
            required("at", at, MAX_CODE);
            due(at);
            optional("number", number, MAX_CODE);
            if (number != null && !E164.matcher(number).matches()) {
                throw new BadFrame("invalid-field", "number must be an E.164 number such as +15551234567");
            }
            optional("note", note, MAX_NOTES);
        }

        @Override
        public Command command(String agentId) {
            return new Command.ScheduleFollowUp(agentId, contactId, UUID.randomUUID().toString(), due(at), number,
                    note);
        }

        private static Instant due(String at) {
            try {
                return Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new BadFrame("invalid-field", "at must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
            }
        }
    }

    /**
     * A console signed in at the centre's provider hands over its refreshed access token, so the
     * session outlives the token it opened with.
     */
    record Token(String token) implements AgentFrame {
        public Token {
            required("token", token, MAX_TOKEN);
        }
    }

    private static void required(String field, String value, int maxLength) {
        optional(field, value, maxLength);
        if (value == null || value.isBlank()) {
            throw new BadFrame("missing-field", field + " is required");
        }
    }

    private static void optional(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw new BadFrame("invalid-field", field + " must be at most " + maxLength + " characters");
        }
        // Notes are typed by an agent and may break lines; every other field is one line.
        if (!PlainText.Rules.isPlain(value, field.equals("notes") || field.equals("note"))) {
            throw new BadFrame("invalid-field", field + " must not contain control characters or broken Unicode");
        }
    }

    static String abbreviated(String text) {
        return text.length() <= MAX_CODE ? text : text.substring(0, MAX_CODE) + "...";
    }

    /** A frame the agent should fix: a code and a message for the error frame. */
    final class BadFrame extends RuntimeException {
        final String code;

        BadFrame(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        Frames.Error error() {
            return new Frames.Error(code, getMessage());
        }
    }
}
