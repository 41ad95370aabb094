package io.booking.command.occurrence;

import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.TicketType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

public record ScheduleOccurrence(
        @TargetAggregateIdentifier String occurrenceId,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String location,
        Organiser organiser,
        List<TicketType> ticketTypes,
        BookingPolicy policy,
        String category) {

    public ScheduleOccurrence(
            String occurrenceId,
            String title,
            String description,
            Instant startsAt,
            Instant endsAt,
            String location,
            Organiser organiser,
            List<TicketType> ticketTypes,
            BookingPolicy policy) {
        this(occurrenceId, title, description, startsAt, endsAt, location, organiser, ticketTypes, policy, null);
    }
}
