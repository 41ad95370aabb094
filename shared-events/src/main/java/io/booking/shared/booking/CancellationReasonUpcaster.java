package io.booking.shared.booking;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;

/**
 * Revision 2 of {@link BookingCancelled} and {@link TicketCancelled} added {@code sealedReason}. An older
 * cancellation has none: its reason, if any, stays where it was, in clear, and reads as before; only its revision
 * changes (the payload's bytes are passed on as they are).
 */
public final class CancellationReasonUpcaster extends SingleEventUpcaster {

    private static final Set<String> CANCELLATIONS =
            Set.of(BookingCancelled.class.getName(), TicketCancelled.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return CANCELLATIONS.contains(representation.getType().getName())
                && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), "2"), byte[].class, payload -> payload);
    }
}
