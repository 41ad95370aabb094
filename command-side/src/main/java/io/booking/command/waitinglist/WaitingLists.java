package io.booking.command.waitinglist;

import io.booking.command.occurrence.LeaveAllWaitingListsOf;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What other features ask of the waiting lists, within their own unit of work. */
@Component
public class WaitingLists {

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    public WaitingLists(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /** Takes a customer off every waiting list they joined; their open offers go to the next in line. */
    public void leaveAllOf(String customerId) {
        for (String occurrenceId : jdbc.queryForList(
                "select distinct occurrence_id from waiting_entry where customer_id = ? order by occurrence_id",
                String.class,
                customerId)) {
            commands.sendAndWait(new LeaveAllWaitingListsOf(occurrenceId, customerId));
        }
    }
}
