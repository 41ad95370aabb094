package io.booking.shared.occurrence;

import java.time.Instant;
import java.util.List;

/**
 * An organiser's event was put on the calendar with its ticket types and policy.
 *
 * @param category what kind of event it is (the portals' "service"), for filters; added later, older events have none
 */
public record OccurrenceScheduled(
        String occurrenceId,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String location,
        Organiser organiser,
        List<TicketType> ticketTypes,
        BookingPolicy policy,
        Instant scheduledAt,
        String category)
        implements OccurrenceEvent {

    public OccurrenceScheduled(
            String occurrenceId,
            String title,
            String description,
            Instant startsAt,
            Instant endsAt,
            String location,
            Organiser organiser,
            List<TicketType> ticketTypes,
            BookingPolicy policy,
            Instant scheduledAt) {
        this(
                occurrenceId,
                title,
                description,
                startsAt,
                endsAt,
                location,
                organiser,
                ticketTypes,
                policy,
                scheduledAt,
                null);
    }
}
