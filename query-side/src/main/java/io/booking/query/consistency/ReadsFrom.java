package io.booking.query.consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The processing groups whose read models a query endpoint reads: a consistency token it carries waits for these
 * processors alone, not for every one (an endpoint without it waits for all). A customer's tab then shows a booking as
 * soon as the bookings' projection has it, whatever the listing's projection is busy with.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadsFrom {

    /** Processing group names, e.g. {@code BookingProjection.GROUP}. */
    String[] value();
}
