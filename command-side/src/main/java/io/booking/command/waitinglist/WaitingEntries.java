package io.booking.command.waitinglist;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Where each waiting-list entry is ({@code waiting_entry}), written in the transaction of the join. */
@Component
class WaitingEntries {

    private final JdbcTemplate jdbc;

    WaitingEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when the id was new; a concurrent claim of the same id waits for the first transaction */
    boolean claim(RequestToJoin request) {
        return jdbc.update(
                        """
                insert into waiting_entry (entry_id, occurrence_id, ticket_type_id, customer_id, quantity)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                        request.entryId(),
                        request.occurrenceId(),
                        request.ticketTypeId(),
                        request.customerId(),
                        request.quantity())
                == 1;
    }

    Optional<Entry> find(String entryId) {
        List<Entry> rows = jdbc.query(
                """
                        select entry_id, occurrence_id, ticket_type_id, customer_id, quantity
                        from waiting_entry where entry_id = ?""",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                entryId);
        return rows.stream().findFirst();
    }

    record Entry(String entryId, String occurrenceId, String ticketTypeId, String customerId, int quantity) {

        boolean sameRequestAs(RequestToJoin request) {
            return occurrenceId.equals(request.occurrenceId())
                    && ticketTypeId.equals(request.ticketTypeId())
                    && customerId.equals(request.customerId())
                    && quantity == request.quantity();
        }
    }
}
