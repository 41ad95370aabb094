package io.booking.shared.booking;

import io.booking.shared.personal.PersonalData;

public record BookedTicket(String ticketId, PersonalData attendeeName, boolean child) {}
