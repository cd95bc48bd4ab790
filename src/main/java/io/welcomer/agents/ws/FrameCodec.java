package io.welcomer.agents.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.welcomer.agents.ws.AgentFrame.BadFrame;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/**
 * The agent protocol's one codec: reads what a console sends into an {@link AgentFrame} and
 * writes what the server sends. A frame is bound as sent (no text read as a number or a flag,
 * unknown fields ignored); what cannot be bound becomes the {@code error} frame that names it.
 */
@ApplicationScoped
public class FrameCodec {

    private final ObjectMapper json;
    private final ObjectReader frames;

    FrameCodec(ObjectMapper json) {
        this.json = json;
        ObjectMapper strict = json.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer)) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        this.frames = strict.readerFor(AgentFrame.class);
    }

    /** The frame in {@code text}; throws {@link BadFrame} with the error the agent gets. */
    public AgentFrame read(String text) {
        try (JsonParser parser = frames.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadFrame("bad-frame", "the frame is not a JSON object");
            }
            return frames.readValue(parser);
        } catch (InvalidTypeIdException e) {
            String type = e.getTypeId();
            throw type == null || type.isBlank() ? new BadFrame("missing-field", "type is required")
                    : new BadFrame("unknown-type", "unknown frame type: " + AgentFrame.abbreviated(type));
        } catch (JsonMappingException e) {
            throw badFrame(e);
        } catch (IOException e) {
            throw new BadFrame("bad-frame", "the frame is not JSON");
        }
    }

    public String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frame not serialisable: " + frame, e);
        }
    }

    private static BadFrame badFrame(JsonMappingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadFrame bad) {
                return bad;
            }
        }
        return misshapen(e.getPath().stream().map(JsonMappingException.Reference::getFieldName).toList());
    }

    /** The error for a field whose value is of the wrong kind, as its own check words it. */
    private static BadFrame misshapen(List<String> path) {
        String field = String.join(".", path);
        return switch (field) {
            case "outcome" -> new BadFrame("missing-field", AgentFrame.Complete.OUTCOME_REQUIRED);
            case "outcome.resolved" -> new BadFrame("missing-field", AgentFrame.Result.RESOLVED_REQUIRED);
            case "to" -> new BadFrame("missing-field", AgentFrame.Transfer.TO_REQUIRED);
            case "to.skills" -> new BadFrame("invalid-field", AgentFrame.Target.SKILLS_SHAPE);
            case "afterCurrent" -> new BadFrame("invalid-field", "afterCurrent must be true or false");
            default -> field.startsWith("to.skills.")
                    ? new BadFrame("invalid-field", AgentFrame.Target.proficiency(path.get(2)))
                    : new BadFrame("invalid-field", path.getLast() + " must be a string");
        };
    }
}
