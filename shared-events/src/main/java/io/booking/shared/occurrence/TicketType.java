package io.booking.shared.occurrence;

import java.math.BigDecimal;

public record TicketType(String ticketTypeId, String name, BigDecimal price, int capacity) {}
