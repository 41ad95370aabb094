package io.booking.command.booking;

/**
 * A customer or admin asks to move tickets: moved on the booking, taken on the target event and freed on the source
 * together, or not at all.
 */
public record RequestTransfer(TransferTickets transfer) {}
