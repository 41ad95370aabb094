package io.booking.query.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/** A filter's range of instants: {@code to}, when given with {@code from}, must come after it (400 naming {@code to}). */
public interface TimeRange {

    Instant from();

    Instant to();

    /** Instants far apart enough to stand for "no bound", so a query needs no null checks. */
    default Instant fromOrEarliest() {
        return from() == null ? Instant.parse("0001-01-01T00:00:00Z") : from();
    }

    default Instant toOrLatest() {
        return to() == null ? Instant.parse("9999-12-31T23:59:59Z") : to();
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Ordered.Check.class)
    @interface Ordered {

        String message() default "must be after from";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<Ordered, TimeRange> {

            @Override
            public boolean isValid(TimeRange range, ConstraintValidatorContext context) {
                if (range == null || range.from() == null || range.to() == null || range.to().isAfter(range.from())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("to").addConstraintViolation();
                return false;
            }
        }
    }
}
