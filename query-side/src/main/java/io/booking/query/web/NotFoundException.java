package io.booking.query.web;

/** Answered as 404; the message names what was asked for, never personal data. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
