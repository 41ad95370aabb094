package io.booking.query.booking;

import io.booking.query.web.NotFoundException;
import io.booking.query.web.PageView;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * An event's attendee list for the door and for recording attendance: every ticket booked for it (where each ticket
 * is now, so transferred tickets count where they went), by attendee name.
 */
@Component
public class EventAttendees {

    private final JdbcTemplate jdbc;

    EventAttendees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param attendance BOOKED (not yet recorded), ATTENDED or NO_SHOW, as {@code PUT .../attendance} records it
     */
    public record Attendee(
            String ticketId,
            String bookingId,
            String reference,
            String ticketTypeId,
            String attendeeName,
            boolean child,
            @Schema(implementation = Attendance.class) String attendance) {

        @Override
        public String toString() {
            return "Attendee[" + ticketId + "]";
        }
    }

    @Transactional(readOnly = true)
    public PageView<Attendee> of(String eventId, Pageable pageable) {
        Long total = jdbc.queryForObject(
                "select count(*) from booking_ticket where event_id = ? and status = ?",
                Long.class,
                eventId,
                TicketStatus.BOOKED.name());
        if (total == 0
                && jdbc.queryForList("select 1 from booking_occurrence where event_id = ?", eventId)
                        .isEmpty()) {
            throw new NotFoundException("No such event.");
        }
        List<Attendee> rows = jdbc.query(
                """
                select t.ticket_id, t.booking_id, b.reference, t.ticket_type_id, t.attendee_name, t.child, t.attendance
                from booking_ticket t join booking b on b.booking_id = t.booking_id
                where t.event_id = ? and t.status = ?
                order by lower(t.attendee_name), t.ticket_id
                limit ? offset ?""",
                (rs, i) -> new Attendee(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getString(7)),
                eventId,
                TicketStatus.BOOKED.name(),
                pageable.getPageSize(),
                pageable.getOffset());
        return PageView.of(new PageImpl<>(rows, pageable, total), row -> row);
    }
}
