package io.welcomer.problems;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Iterator;
import java.util.Map;

/**
 * Text a person could have typed: no control characters (tab, line feed and carriage return
 * only where {@link #multiline()}), no unpaired surrogate, no noncharacter. PostgreSQL cannot
 * store a NUL, and the rest would reach an agent's screen or a log as garbage or as an attack.
 * On a JSON value (a contact's free-form context) only what the store cannot keep is refused:
 * NUL and unpaired surrogates, in names and values.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {PlainText.ForString.class, PlainText.ForJson.class})
public @interface PlainText {

    boolean multiline() default false;

    String message() default "must not contain control characters or broken Unicode";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The checks themselves, also for text that arrives outside a validated body (agent frames). */
    final class Rules {

        private Rules() {
        }

        /** Whether the text is plain; null counts as plain (presence is another constraint's job). */
        public static boolean isPlain(String text, boolean multiline) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                        || (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r')))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the store can keep this text inside JSON: no NUL, no unpaired surrogate. */
        public static boolean isStorable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000' || Character.isLowSurrogate(c)) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
            }
            return true;
        }
    }

    class ForString implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Rules.isPlain(value, multiline);
        }
    }

    class ForJson implements ConstraintValidator<PlainText, JsonNode> {

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || storable(value);
        }

        private static boolean storable(JsonNode node) {
            if (node.isTextual()) {
                return Rules.isStorable(node.textValue());
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!Rules.isStorable(field.getKey()) || !storable(field.getValue())) {
                    return false;
                }
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (!storable(element)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
