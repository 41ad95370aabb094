package io.booking.query.waitinglist;

import io.booking.query.web.PageView;
import io.booking.shared.occurrence.OccurrenceCancelled;
import io.booking.shared.occurrence.OfferAccepted;
import io.booking.shared.occurrence.OfferDeclined;
import io.booking.shared.occurrence.OfferExpired;
import io.booking.shared.occurrence.SeatsOffered;
import io.booking.shared.occurrence.WaitingListJoined;
import io.booking.shared.occurrence.WaitingListLeft;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waiting lists, one row per entry, written with plain statements that set values: a redelivered or replayed event
 * changes nothing. Events and titles are joined from the bookings' copy of each event when queried.
 */
@Component
@ProcessingGroup(WaitingListProjection.GROUP)
public class WaitingListProjection {

    public static final String GROUP = "waiting-lists";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    WaitingListProjection(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(WaitingListJoined event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                insert into waiting_entry (entry_id, event_id, ticket_type_id, customer_id, quantity, join_sequence,
                                           joined_at, status)
                values (:entryId, :eventId, :ticketTypeId, :customerId, :quantity, :sequence, :joinedAt, 'WAITING')
                on conflict do nothing""",
                Map.of(
                        "entryId",
                        event.entryId(),
                        "eventId",
                        event.occurrenceId(),
                        "ticketTypeId",
                        event.ticketTypeId(),
                        "customerId",
                        event.customerId(),
                        "quantity",
                        event.quantity(),
                        "sequence",
                        sequence,
                        "joinedAt",
                        Timestamp.from(event.joinedAt())));
    }

    @EventHandler
    void on(SeatsOffered event) {
        jdbc.update(
                """
                update waiting_entry set status = 'OFFERED', offered_at = :offeredAt, offer_expires_at = :expiresAt
                where entry_id = :entryId""",
                Map.of(
                        "entryId",
                        event.entryId(),
                        "offeredAt",
                        Timestamp.from(event.offeredAt()),
                        "expiresAt",
                        Timestamp.from(event.expiresAt())));
    }

    @EventHandler
    void on(OfferAccepted event) {
        jdbc.update(
                """
                update waiting_entry set status = 'BOOKED', booking_id = :bookingId, ended_at = :at
                where entry_id = :entryId""",
                Map.of(
                        "entryId",
                        event.entryId(),
                        "bookingId",
                        event.bookingId(),
                        "at",
                        Timestamp.from(event.acceptedAt())));
    }

    @EventHandler
    void on(OfferDeclined event) {
        ended(event.entryId(), "DECLINED", event.declinedAt());
    }

    @EventHandler
    void on(OfferExpired event) {
        ended(event.entryId(), "EXPIRED", event.expiredAt());
    }

    @EventHandler
    void on(WaitingListLeft event) {
        ended(event.entryId(), "LEFT", event.leftAt());
    }

    @EventHandler
    void on(OccurrenceCancelled event) {
        jdbc.update("""
                update waiting_entry set status = 'CLOSED', ended_at = :at
                where event_id = :eventId and status in ('WAITING', 'OFFERED')""", Map.of("eventId", event.occurrenceId(), "at", Timestamp.from(event.cancelledAt())));
    }

    private void ended(String entryId, String status, Instant at) {
        jdbc.update(
                "update waiting_entry set status = :status, ended_at = :at where entry_id = :entryId",
                Map.of("entryId", entryId, "status", status, "at", Timestamp.from(at)));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from waiting_entry");
    }

    /** The customer's tab: entries still waiting or offered, and those that expired or closed, newest first. */
    @Transactional(readOnly = true)
    public PageView<WaitingListView.Entry> tabOf(String customerId, Pageable pageable) {
        Map<String, Object> parameters = new HashMap<>(
                Map.of("customerId", customerId, "limit", pageable.getPageSize(), "offset", pageable.getOffset()));
        String mine = "from waiting_entry w where w.customer_id = :customerId"
                + " and w.status in ('WAITING', 'OFFERED', 'EXPIRED', 'CLOSED')";
        Long total = jdbc.queryForObject("select count(*) " + mine, parameters, Long.class);
        Instant now = clock.instant();
        List<WaitingListView.Entry> rows = jdbc.query(
                """
                select w.*, o.title, o.starts_at, o.location, tt.name as ticket_type_name,
                       (select count(*) + 1 from waiting_entry a
                        where a.event_id = w.event_id and a.ticket_type_id = w.ticket_type_id
                          and a.status = 'WAITING' and a.join_sequence < w.join_sequence) as position
                """ + mine.replace("from waiting_entry w", """
                from waiting_entry w
                left join booking_occurrence o on o.event_id = w.event_id
                left join booking_occurrence_ticket_type tt
                       on tt.event_id = w.event_id and tt.ticket_type_id = w.ticket_type_id""")
                        + " order by w.joined_at desc, w.entry_id limit :limit offset :offset",
                parameters,
                (rs, i) -> entry(rs, now));
        return PageView.of(new PageImpl<>(rows, pageable, total == null ? 0 : total), row -> row);
    }

    /** One event's waiting list in join order, with its figures (admin). */
    @Transactional(readOnly = true)
    public WaitingListView.Line lineOf(String eventId) {
        List<WaitingListView.AdminEntry> entries = jdbc.query(
                """
                select * from waiting_entry where event_id = :eventId order by ticket_type_id, join_sequence""",
                Map.of("eventId", eventId),
                (rs, i) -> new WaitingListView.AdminEntry(
                        rs.getString("entry_id"),
                        rs.getString("ticket_type_id"),
                        rs.getString("customer_id"),
                        rs.getInt("quantity"),
                        instant(rs, "joined_at"),
                        rs.getString("status"),
                        instant(rs, "offered_at"),
                        instant(rs, "offer_expires_at"),
                        rs.getString("booking_id")));
        WaitingListView.Figures figures = new WaitingListView.Figures(
                entries.size(),
                entries.stream().filter(e -> e.offeredAt() != null).count(),
                entries.stream().filter(e -> "BOOKED".equals(e.status())).count(),
                entries.stream().filter(e -> "EXPIRED".equals(e.status())).count());
        return new WaitingListView.Line(eventId, entries, figures);
    }

    private static WaitingListView.Entry entry(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString("status");
        Instant startsAt = instant(rs, "starts_at");
        boolean open = startsAt == null || now.isBefore(startsAt);
        boolean waiting = "WAITING".equals(status);
        boolean offered = "OFFERED".equals(status) && now.isBefore(instant(rs, "offer_expires_at"));
        return new WaitingListView.Entry(
                rs.getString("entry_id"),
                new WaitingListView.Event(
                        rs.getString("event_id"), rs.getString("title"), startsAt, rs.getString("location")),
                new WaitingListView.TicketType(rs.getString("ticket_type_id"), rs.getString("ticket_type_name")),
                rs.getInt("quantity"),
                waiting ? rs.getInt("position") : null,
                instant(rs, "joined_at"),
                status,
                "OFFERED".equals(status)
                        ? new WaitingListView.Offer(instant(rs, "offered_at"), instant(rs, "offer_expires_at"))
                        : null,
                new WaitingListView.Actions(
                        true, open && (waiting || "OFFERED".equals(status)), open && offered, open && offered));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
