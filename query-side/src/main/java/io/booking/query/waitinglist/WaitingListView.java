package io.booking.query.waitinglist;

import io.booking.shared.occurrence.WaitingEntryStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/** The waiting-list read model's answers. */
public final class WaitingListView {

    private WaitingListView() {}

    /**
     * A row of the customer's Waiting list tab.
     *
     * @param position place in the queue among those still waiting (1 = next), absent unless waiting
     * @param status   WAITING, OFFERED, EXPIRED or CLOSED (the event was cancelled)
     */
    public record Entry(
            String entryId,
            Event event,
            TicketType ticketType,
            int quantity,
            @Nullable Integer position,
            Instant joinedAt,

            @Schema(implementation = WaitingEntryStatus.class)
            String status,

            @Nullable Offer offer,
            Actions actions) {}

    @Schema(name = "WaitingListEvent")
    public record Event(String eventId, String title, Instant startsAt, String location) {}

    @Schema(name = "WaitingListTicketType")
    public record TicketType(String ticketTypeId, String name) {}

    /** @param expiresAt the held seats go to the next in line at this moment unless booked */
    public record Offer(Instant offeredAt, Instant expiresAt) {}

    @Schema(name = "WaitingListActions")
    public record Actions(boolean eventDetails, boolean leave, boolean accept, boolean decline) {}

    /** An admin's view of one event's waiting list, in join order, with figures for reporting. */
    public record Line(String eventId, List<AdminEntry> entries, Figures figures) {}

    public record AdminEntry(
            String entryId,
            String ticketTypeId,
            String customerId,
            int quantity,
            Instant joinedAt,

            @Schema(implementation = WaitingEntryStatus.class)
            String status,

            @Nullable Instant offeredAt,
            @Nullable Instant offerExpiresAt,
            @Nullable String bookingId) {}

    /** @param converted offers that became bookings */
    public record Figures(long joined, long offered, long converted, long expired) {}
}
