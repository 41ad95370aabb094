package io.booking.query.web;

import io.booking.platform.StorableInstants;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A filter's range of instants: each bound within the years 1 to 9999, and {@code to}, when given with {@code from},
 * after it (400 naming the bound).
 */
public interface TimeRange {

    Instant from();

    Instant to();

    /** Instants far apart enough to stand for "no bound", so a query needs no null checks. */
    default Instant fromOrEarliest() {
        return from() == null ? StorableInstants.EARLIEST : from();
    }

    default Instant toOrLatest() {
        return to() == null ? StorableInstants.LATEST : to();
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
                if (range == null) {
                    return true;
                }
                if (outside(range.from()) || outside(range.to())) {
                    refuse(context, outside(range.from()) ? "from" : "to", "must lie in the years 1 to 9999");
                    return false;
                }
                if (range.from() == null || range.to() == null || range.to().isAfter(range.from())) {
                    return true;
                }
                refuse(context, "to", context.getDefaultConstraintMessageTemplate());
                return false;
            }

            private static boolean outside(Instant bound) {
                return bound != null && !StorableInstants.contains(bound);
            }

            private static void refuse(ConstraintValidatorContext context, String property, String message) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message)
                        .addPropertyNode(property)
                        .addConstraintViolation();
            }
        }
    }
}
