package io.booking.shared.booking;

import io.booking.shared.personal.PersonalData;

/** An answer to the organiser's booking form; the question is the organiser's, the answer is the customer's. */
public record FormAnswer(String question, PersonalData answer) {}
