package io.booking.command.occurrence;

import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.TicketType;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin's retry of scheduling an event (same event id, same details) is answered like the first request; only the
 * same id with other details is a conflict. Ticket type ids are made anew for each request, so they are not compared:
 * the first request's are the answer.
 */
@Component
public class ScheduleRetries {

    private final EventStorageEngine events;

    public ScheduleRetries(EventStorageEngine events) {
        this.events = events;
    }

    /** @return the event as first scheduled, when {@code retry} asks for exactly that */
    public Optional<OccurrenceScheduled> firstOf(ScheduleOccurrence retry) {
        DomainEventStream stream = events.readEvents(retry.occurrenceId(), 0);
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof OccurrenceScheduled first)) {
            return Optional.empty();
        }
        boolean same = first.title().equals(retry.title())
                && Objects.equals(first.description(), retry.description())
                && first.startsAt().equals(retry.startsAt())
                && first.endsAt().equals(retry.endsAt())
                && Objects.equals(first.location(), retry.location())
                && first.organiser().equals(retry.organiser())
                && first.policy().equals(retry.policy())
                && Objects.equals(first.category(), retry.category())
                && sameTicketTypes(first.ticketTypes(), retry.ticketTypes());
        return same ? Optional.of(first) : Optional.empty();
    }

    private static boolean sameTicketTypes(List<TicketType> first, List<TicketType> retry) {
        if (first.size() != retry.size()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            TicketType a = first.get(i);
            TicketType b = retry.get(i);
            if (!a.name().equals(b.name()) || a.price().compareTo(b.price()) != 0 || a.capacity() != b.capacity()) {
                return false;
            }
        }
        return true;
    }
}
