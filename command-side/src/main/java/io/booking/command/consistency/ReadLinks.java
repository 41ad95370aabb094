package io.booking.command.consistency;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * Where what a command created is read: on the query side, at {@link LinkSettings#queryUrl()}. A creation's answer names it
 * in {@code Location}; read it with the answer's consistency token to see the write.
 */
@Component
public class ReadLinks {

    private final String queryUrl;

    public ReadLinks(LinkSettings links) {
        this.queryUrl = links.queryUrl().replaceAll("/+$", "");
    }

    public URI event(String eventId) {
        return at("/api/events/{eventId}", eventId);
    }

    public URI booking(String reference) {
        return at("/api/bookings/{reference}", reference);
    }

    public URI order(String reference) {
        return at("/api/orders/{reference}", reference);
    }

    private URI at(String path, String id) {
        return UriComponentsBuilder.fromUriString(queryUrl + path)
                .buildAndExpand(id)
                .encode()
                .toUri();
    }
}
