package io.booking.query.web;

/** A request parameter or header that is not read by Spring's binding, found malformed: answered as 400. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
