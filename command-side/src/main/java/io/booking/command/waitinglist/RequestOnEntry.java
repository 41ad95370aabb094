package io.booking.command.waitinglist;

/**
 * A customer (or an admin) acts on a waiting-list entry: leave it, or decline its offer.
 *
 * @param action what to do with the entry
 */
public record RequestOnEntry(String entryId, String requesterId, boolean byAdmin, Action action) {

    public enum Action {
        LEAVE,
        DECLINE
    }
}
