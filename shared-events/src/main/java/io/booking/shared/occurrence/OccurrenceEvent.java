package io.booking.shared.occurrence;

/** The events of one event's (occurrence's) stream: its schedule and the seats taken from it. */
public sealed interface OccurrenceEvent permits OccurrenceScheduled, SeatsReserved, SeatsReleased,
        OccurrenceCancelled, CapacityChanged, OccurrenceEnded, WaitingListJoined, WaitingListLeft, SeatsOffered,
        OfferAccepted, OfferDeclined, OfferExpired {

    String occurrenceId();
}
