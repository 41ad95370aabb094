package io.booking.shared.occurrence;

import java.time.Instant;
import java.util.List;

public record OccurrenceScheduled(String occurrenceId, String title, String description, Instant startsAt, Instant endsAt,
                                  String location, Organiser organiser, List<TicketType> ticketTypes,
                                  BookingPolicy policy, Instant scheduledAt) implements OccurrenceEvent {
}
