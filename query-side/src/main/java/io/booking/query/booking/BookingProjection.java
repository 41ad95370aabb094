package io.booking.query.booking;

import io.booking.platform.MoneySettings;
import io.booking.query.account.CustomerContacts;
import io.booking.query.eventstore.BatchedWrites;
import io.booking.query.listing.ListingProjection;
import io.booking.query.personal.JdbcPersonalDataKeys;
import io.booking.query.report.BookingFigures;
import io.booking.query.report.ReportFigures;
import io.booking.query.security.Caller;
import io.booking.query.web.NotFoundException;
import io.booking.query.web.PageView;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.BookingCancelled;
import io.booking.shared.booking.BookingEvent;
import io.booking.shared.booking.BookingLinkedToAccount;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.GuestDataErased;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.booking.TicketsTransferred;
import io.booking.shared.occurrence.OccurrenceCancelled;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Customers' bookings (the portal's Upcoming tab and booking details). Handlers set values, so a redelivered or
 * replayed event changes nothing. Events and bookings are joined when queried, because the two streams may be
 * processed by different segments in any order.
 */
@Component
@ProcessingGroup(BookingProjection.GROUP)
public class BookingProjection {

    public static final String GROUP = "bookings";

    private final BookingRepository bookings;
    private final BookingOccurrenceRepository occurrences;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final ListingProjection listing;
    private final CustomerContacts contacts;
    private final JdbcPersonalDataKeys keys;
    private final JdbcTemplate jdbc;
    private final ReportFigures figures;
    private final BatchedWrites<String, TicketsBooked> newBookings = new BatchedWrites<>("new-bookings", this::insert);

    private final MoneySettings money;

    BookingProjection(
            BookingRepository bookings,
            BookingOccurrenceRepository occurrences,
            PersonalDataCipher cipher,
            Clock clock,
            ListingProjection listing,
            CustomerContacts contacts,
            JdbcPersonalDataKeys keys,
            JdbcTemplate jdbc,
            ReportFigures figures,
            MoneySettings money) {
        this.money = money;
        this.figures = figures;
        this.listing = listing;
        this.contacts = contacts;
        this.bookings = bookings;
        this.occurrences = occurrences;
        this.cipher = cipher;
        this.clock = clock;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OccurrenceScheduled event) {
        BookingOccurrence occurrence =
                occurrences.findById(event.occurrenceId()).orElseGet(() -> new BookingOccurrence(event.occurrenceId()));
        occurrence.schedule(event);
        occurrences.save(occurrence);
    }

    @EventHandler
    void on(OccurrenceCancelled event) {
        occurrences.findById(event.occurrenceId()).ifPresent(BookingOccurrence::cancel);
    }

    /**
     * New bookings are written with plain statements, all those of a batch of events together (see
     * {@link BatchedWrites}): it is the hottest handler during an on-sale rush, and the entity's load-then-persist cost
     * a select and Hibernate's bookkeeping per booking. A redelivered event finds the row and changes nothing.
     */
    @EventHandler
    void on(TicketsBooked event) {
        newBookings.put(event.bookingId(), event);
    }

    /** Static, and the projection looked up when the processor is built: Axon's configuration is assembled early. */
    @Bean
    static ConfigurerModule bookingBatchesInOrder(ObjectProvider<BookingProjection> projection) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                GROUP, configuration -> projection.getObject().batchesInOrder()));
    }

    /**
     * A method, not the field: the projection bean is a transactional proxy. A batch locks the bookings it changes
     * first, writes its new bookings before any other event sees them, and its report figures last, after its new
     * bookings, so that they count and so that the report rows are the last rows it locks.
     */
    MessageHandlerInterceptor<EventMessage<?>> batchesInOrder() {
        MessageHandlerInterceptor<EventMessage<?>> flushing =
                newBookings.flushingBeforeEventsOtherThan(Set.of(TicketsBooked.class));
        return (unitOfWork, chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            batch.getOrComputeResource(BookingProjection.class.getName() + ".batch", key -> {
                List<? extends Message<?>> events =
                        batch instanceof BatchingUnitOfWork<?> all ? all.getMessages() : List.of(batch.getMessage());
                lockBookingsChangedBy(events);
                keys.prefetch(events.stream().map(Message::getPayload).toList());
                batch.onPrepareCommit(u -> {
                    newBookings.flush();
                    figures.write();
                });
                return Boolean.TRUE;
            });
            return flushing.handle(unitOfWork, chain);
        };
    }

    /**
     * The existing bookings a batch changes, locked at its start in one order. Taken one by one as the events came,
     * they deadlocked with a customer's deletion in another segment, which takes all of theirs at once: each
     * transaction held a row the other wanted, and PostgreSQL failed one of them (health DOWN until it was retried).
     */
    private void lockBookingsChangedBy(List<? extends Message<?>> events) {
        String[] bookingIds = events.stream()
                .map(Message::getPayload)
                .filter(payload -> payload instanceof BookingEvent && !(payload instanceof TicketsBooked))
                .map(payload -> ((BookingEvent) payload).bookingId())
                .distinct()
                .toArray(String[]::new);
        String[] customers = events.stream()
                .map(Message::getPayload)
                .filter(AccountDeleted.class::isInstance)
                .map(payload -> ((AccountDeleted) payload).accountId())
                .distinct()
                .toArray(String[]::new);
        // one statement per kind of key: with both in one "or", the plan PostgreSQL keeps for the prepared statement
        // read the whole table (a tenth of a second a batch at a million bookings)
        if (customers.length > 0) {
            String[] ofCustomers = jdbc.query(
                            "select booking_id from booking where customer_id = any(?)",
                            ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", customers)),
                            (rs, i) -> rs.getString(1))
                    .toArray(String[]::new);
            bookingIds = java.util.stream.Stream.concat(Arrays.stream(bookingIds), Arrays.stream(ofCustomers))
                    .distinct()
                    .toArray(String[]::new);
        }
        if (bookingIds.length > 0) {
            bookings.lockAll(List.of(bookingIds));
        }
    }

    /**
     * A booking an event changes. Looked up by id, not queried: a query makes Hibernate first flush, and so dirty-check,
     * every booking the batch changed so far (more than half of the bookings processor's time in a flight recording of
     * a rebuild). The batch locked the booking at its start (see {@link #lockBookingsChangedBy}), or created it itself.
     */
    private Optional<Booking> changing(String bookingId) {
        return bookings.findById(bookingId);
    }

    private void insert(List<TicketsBooked> events) {
        // shared with other bookings of the customers, exclusive with their AccountDeleted (see there)
        String[] customers = events.stream()
                .map(TicketsBooked::customerId)
                .distinct()
                .sorted()
                .toArray(String[]::new);
        jdbc.query(
                "select pg_advisory_xact_lock_shared(hashtext('customer:' || c)) from unnest(?::text[]) c",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", customers)),
                rs -> null);
        // a statement of its own: one that waited for a lock would still read from before the deletion committed
        Set<String> deleted = Set.copyOf(jdbc.query(
                "select customer_id from deleted_customer where customer_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", customers)),
                (rs, i) -> rs.getString(1)));
        Set<String> inserted = Set.copyOf(jdbc.query(
                """
                        insert into booking (booking_id, reference, customer_id, event_id, ticket_type_id, status, booked_at,
                                             customer_deleted)
                        select b.id, b.reference, b.customer_id, b.event_id, b.ticket_type_id, 'BOOKED',
                               b.booked_at::timestamptz, b.customer_id = any(?::text[])
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             as b(id, reference, customer_id, event_id, ticket_type_id, booked_at)
                        on conflict do nothing returning booking_id""",
                ps -> {
                    java.sql.Connection connection = ps.getConnection();
                    ps.setArray(1, connection.createArrayOf("text", deleted.toArray()));
                    ps.setArray(2, textArray(connection, events, TicketsBooked::bookingId));
                    ps.setArray(3, textArray(connection, events, TicketsBooked::reference));
                    ps.setArray(4, textArray(connection, events, TicketsBooked::customerId));
                    ps.setArray(5, textArray(connection, events, TicketsBooked::occurrenceId));
                    ps.setArray(6, textArray(connection, events, TicketsBooked::ticketTypeId));
                    ps.setArray(
                            7, textArray(connection, events, e -> e.bookedAt().toString()));
                },
                (rs, i) -> rs.getString(1)));
        List<Object[]> tickets = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        for (TicketsBooked event : events) {
            if (!inserted.contains(event.bookingId())) {
                continue;
            }
            // the account's deletion was projected first (another segment, or a replay's order)
            boolean customerDeleted = deleted.contains(event.customerId());
            List<BookedTicket> booked = event.tickets();
            figures.changed(
                    event.bookedAt(),
                    BookingFigures.NONE,
                    BookingFigures.booked(event.occurrenceId(), event.ticketTypeId(), booked.size(), customerDeleted));
            for (int i = 0; i < booked.size(); i++) {
                tickets.add(new Object[] {
                    event.bookingId(),
                    i,
                    booked.get(i).ticketId(),
                    customerDeleted
                            ? PersonalDataCipher.ERASED
                            : cipher.open(booked.get(i).attendeeName()),
                    booked.get(i).child(),
                    event.occurrenceId(),
                    event.ticketTypeId()
                });
            }
            List<FormAnswer> given = event.answers() == null ? List.of() : event.answers();
            for (int i = 0; i < given.size(); i++) {
                answers.add(new Object[] {
                    event.bookingId(),
                    i,
                    given.get(i).question(),
                    given.get(i).answer() == null
                            ? null
                            : customerDeleted
                                    ? PersonalDataCipher.ERASED
                                    : cipher.open(given.get(i).answer())
                });
            }
        }
        jdbc.batchUpdate("""
                insert into booking_ticket (booking_id, position, ticket_id, attendee_name, child, status, attendance,
                                            event_id, ticket_type_id)
                values (?, ?, ?, ?, ?, 'BOOKED', 'BOOKED', ?, ?)""", tickets);
        if (!answers.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into booking_answer (booking_id, position, question, answer) values (?, ?, ?, ?)", answers);
        }
    }

    private static java.sql.Array textArray(
            java.sql.Connection connection, List<TicketsBooked> events, Function<TicketsBooked, String> value)
            throws java.sql.SQLException {
        return connection.createArrayOf("text", events.stream().map(value).toArray());
    }

    /**
     * Scrubs at once, without waiting for a replay: the customer's bookings keep their rows (reports count them, as a
     * deleted customer's) with attendee names and answers erased, and the key cache forgets the customer. The customer
     * lock makes a booking of the same customer being projected at this moment in another segment wait, or be waited
     * for, so neither misses the other's rows; the row locks do the same for changes to existing bookings (their
     * events are handled in other segments), so neither writes back what it read before the other committed.
     */
    @EventHandler
    void on(AccountDeleted event) {
        lockCustomer(event.accountId());
        keys.erased(event.accountId());
        jdbc.update(
                "insert into deleted_customer (customer_id, deleted_at) values (?, ?) on conflict do nothing",
                event.accountId(),
                Timestamp.from(event.deletedAt()));
        bookings.lockAllOfCustomer(event.accountId())
                .forEach(booking -> change(booking, event.deletedAt(), Booking::customerErased));
    }

    private void lockCustomer(String customerId) {
        jdbc.queryForObject(
                "select 1 from (select pg_advisory_xact_lock(hashtext(?))) l", Integer.class, "customer:" + customerId);
    }

    @EventHandler
    void on(GuestContactRecorded event) {
        changing(event.bookingId())
                .ifPresent(booking -> change(booking, event.recordedAt(), b -> b.guestRecorded(event.guestId())));
    }

    /**
     * The booking becomes the account's, with the attendee names and answers the link sealed with the account's key.
     * Locked as a new booking of the account is (see {@link #on(TicketsBooked)}): an account deleted meanwhile, its
     * deletion projected first, gives an erased, flagged booking, as a replay would.
     */
    @EventHandler
    void on(BookingLinkedToAccount event) {
        jdbc.queryForObject(
                "select 1 from (select pg_advisory_xact_lock_shared(hashtext(?))) l",
                Integer.class,
                "customer:" + event.accountId());
        boolean customerDeleted = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from deleted_customer where customer_id = ?)",
                Boolean.class,
                event.accountId()));
        if (!event.guestContactKept()) {
            keys.erased(event.guestId());
        }
        Map<String, String> names = new java.util.HashMap<>();
        event.tickets()
                .forEach(ticket -> names.put(
                        ticket.ticketId(),
                        customerDeleted ? PersonalDataCipher.ERASED : cipher.open(ticket.attendeeName())));
        List<String> answers = event.answers().stream()
                .map(a -> a.answer() == null
                        ? null
                        : customerDeleted ? PersonalDataCipher.ERASED : cipher.open(a.answer()))
                .toList();
        changing(event.bookingId())
                .ifPresent(booking -> change(
                        booking,
                        event.linkedAt(),
                        b -> b.linkedTo(event.accountId(), names, answers, customerDeleted)));
    }

    /** Scrubs at once: the guest's key is gone, so a replay would read the same. The booking stays and counts. */
    @EventHandler
    void on(GuestDataErased event) {
        keys.erased(event.guestId());
        changing(event.bookingId()).ifPresent(booking -> change(booking, event.erasedAt(), Booking::guestErased));
    }

    @EventHandler
    void on(BookingCancelled event) {
        changing(event.bookingId())
                .ifPresent(booking -> change(
                        booking,
                        event.cancelledAt(),
                        b -> b.cancelled(
                                event.cancelledAt(),
                                event.cancelledBy(),
                                reason(event.reason(), event.sealedReason()))));
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        changing(event.bookingId())
                .ifPresent(booking ->
                        change(booking, event.recordedAt(), b -> b.attendance(event.ticketId(), event.attendance())));
    }

    @EventHandler
    void on(TicketsTransferred event) {
        changing(event.bookingId())
                .ifPresent(booking -> change(booking, event.transferredAt(), b -> b.transferred(event)));
    }

    @EventHandler
    void on(TicketCancelled event) {
        changing(event.bookingId())
                .ifPresent(booking -> change(
                        booking,
                        event.cancelledAt(),
                        b -> b.ticketCancelled(
                                event.ticketId(),
                                event.cancelledAt(),
                                event.cancelledBy(),
                                reason(event.reason(), event.sealedReason()))));
    }

    /** Changes a booking and tells the report what that changed in its figures. */
    private void change(Booking booking, Instant at, java.util.function.Consumer<Booking> change) {
        BookingFigures before = booking.figures();
        change.accept(booking);
        figures.changed(at, before, booking.figures());
    }

    /** The customer's or an admin's reason is sealed (and reads as erased once its key is gone); the organiser's not. */
    private String reason(String clear, PersonalData sealed) {
        return sealed == null ? clear : cipher.open(sealed);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from deleted_customer");
        jdbc.update("truncate report_event, report_event_day, report_ticket_type, report_ticket_type_day");
        bookings.deleteAllInBatch();
        occurrences.deleteAllInBatch();
    }

    @Transactional(readOnly = true)
    public PageView<BookingView> upcoming(String customerId, TabFilter filter, Pageable pageable) {
        Instant now = clock.instant();
        return viewsOf(
                bookings.findUpcoming(
                        customerId,
                        now,
                        filter.pattern(),
                        filter.fromOrEarliest(),
                        filter.toOrLatest(),
                        filter.categoryPattern(),
                        pageable),
                now);
    }

    private PageView<BookingView> viewsOf(Page<Booking> page, Instant now) {
        Map<String, BookingOccurrence> events =
                occurrences
                        .findAllById(page.getContent().stream()
                                .map(Booking::eventId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(BookingOccurrence::eventId, Function.identity()));
        return PageView.of(page, booking -> booking.view(events.get(booking.eventId()), now, money.currency()));
    }

    @Transactional(readOnly = true)
    public PageView<BookingView> past(String customerId, TabFilter filter, Pageable pageable) {
        Instant now = clock.instant();
        return viewsOf(
                bookings.findPast(
                        customerId,
                        now,
                        filter.pattern(),
                        filter.fromOrEarliest(),
                        filter.toOrLatest(),
                        filter.categoryPattern(),
                        pageable),
                now);
    }

    @Transactional(readOnly = true)
    public PageView<BookingView> cancelled(String customerId, TabFilter filter, Pageable pageable) {
        return viewsOf(
                bookings.findCancelled(
                        customerId,
                        filter.pattern(),
                        filter.fromOrEarliest(),
                        filter.toOrLatest(),
                        filter.categoryPattern(),
                        pageable),
                clock.instant());
    }

    /** A booking the caller may see; another customer's booking is "not found", so its existence is not revealed. */
    @Transactional(readOnly = true)
    public BookingDetails booking(String reference, Caller caller) {
        return bookings.findByReferenceAsTyped(reference)
                .filter(booking -> caller.maySeeBooking(booking.bookingId(), booking.customerId()))
                .flatMap(booking -> occurrences
                        .findById(booking.eventId())
                        .map(occurrence -> booking.details(occurrence, clock.instant(), money.currency())
                                .withBookAgain(listing.nextBookable(occurrence.title(), occurrence.organiserName())
                                        .orElse(null))
                                .withContact(contacts.of(booking.customerId()).orElse(null))
                                .withGuestContact(
                                        booking.guestId() == null
                                                        || booking.guestId().equals(booking.customerId())
                                                ? null
                                                : contacts.of(booking.guestId()).orElse(null))))
                .map(details -> caller.guestBookingId() == null ? details : details.forGuestSession())
                .orElseThrow(() -> new NotFoundException("No booking " + reference + "."));
    }
}
