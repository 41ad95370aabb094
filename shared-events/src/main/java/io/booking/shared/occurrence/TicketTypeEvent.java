package io.booking.shared.occurrence;

/** An event about the seats of one ticket type of an event: taken, freed, held by an offer, or waited for. */
public sealed interface TicketTypeEvent extends OccurrenceEvent
        permits SeatsReserved,
                SeatsReleased,
                CapacityChanged,
                WaitingListJoined,
                WaitingListLeft,
                SeatsOffered,
                OfferAccepted,
                OfferDeclined,
                OfferExpired {

    String ticketTypeId();
}
