package io.booking.query.listing;

import io.booking.shared.occurrence.EventStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An event as the public listing shows it. */
public record EventView(
        String eventId,
        String title,
        @Nullable String description,
        Instant startsAt,
        Instant endsAt,
        String location,
        @Nullable String category,
        Organiser organiser,
        @Schema(implementation = EventStatus.class) String status,
        Policy policy,
        List<TicketType> ticketTypes,
        String currency) {

    public record Organiser(String name, @Nullable String contact) {}

    public record Policy(boolean transfersAllowed, boolean cancellationsAllowed, int cancellationCutoffHours) {}

    @Schema(name = "ListedTicketType")
    public record TicketType(String ticketTypeId, String name, BigDecimal price, int capacity, int seatsLeft) {}
}
