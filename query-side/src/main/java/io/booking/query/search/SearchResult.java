package io.booking.query.search;

import io.booking.shared.booking.BookingStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What a back-office search found. Deleted customers have no contact any more and are found only through their
 * bookings' references (shown as deleted).
 *
 * @param page the page of each list shown (zero-based)
 * @param size at most this many of each kind
 * @param more whether there are more matches of either kind on later pages
 */
public record SearchResult(List<Customer> customers, List<Booking> bookings, int page, int size, boolean more) {

    /** @param guest a guest's contact from a guest booking, not an account */
    @Schema(name = "FoundCustomer")
    public record Customer(
            String customerId,
            String name,
            String email,
            @Nullable String phone,
            boolean guest,
            long bookings) {}

    /** @param status BOOKED, or CANCELLED once no ticket of it is booked */
    @Schema(name = "FoundBooking")
    public record Booking(
            String bookingId,
            String reference,
            String customerId,
            String eventId,
            String eventTitle,
            Instant startsAt,
            @Schema(implementation = BookingStatus.class) String status,
            boolean guestBooking,
            boolean customerDeleted) {}
}
