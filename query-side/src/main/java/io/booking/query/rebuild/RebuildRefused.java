package io.booking.query.rebuild;

/** A rebuild request that cannot be carried out now; {@code rule} names why (answered as 409). */
public class RebuildRefused extends RuntimeException {

    private final String rule;

    RebuildRefused(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
