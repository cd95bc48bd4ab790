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
import java.nio.charset.StandardCharsets;

/** A JSON value whose compact UTF-8 form is at most {@code bytes} long. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxJsonSize.Validator.class)
public @interface MaxJsonSize {

    int bytes();

    String message() default "must be at most {bytes} bytes of JSON";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MaxJsonSize, JsonNode> {

        private int limit;

        @Override
        public void initialize(MaxJsonSize annotation) {
            limit = annotation.bytes();
        }

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || value.toString().getBytes(StandardCharsets.UTF_8).length <= limit;
        }
    }
}
