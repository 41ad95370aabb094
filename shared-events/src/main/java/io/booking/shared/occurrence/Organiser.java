package io.booking.shared.occurrence;

/** Who runs the event, and how attendees reach them (a business contact, not a data subject). */
public record Organiser(String name, String contact) {}
