package io.booking.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.booking.command.CommandRefused;
import io.booking.command.account.Credentials;
import io.booking.command.account.RegisterAccount;
import io.booking.command.account.RequestAccountDeletion;
import io.booking.command.booking.BookTickets;
import io.booking.command.booking.BookingCommandHandler;
import io.booking.command.booking.BookingQueue;
import io.booking.command.booking.RecordAttendance;
import io.booking.command.booking.RequestCancellation;
import io.booking.command.booking.RequestTransfer;
import io.booking.command.booking.TransferTickets;
import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.occurrence.ScheduleOccurrence;
import io.booking.command.security.Actor;
import io.booking.command.waitinglist.RequestToJoin;
import io.booking.shared.account.Role;
import io.booking.shared.booking.Attendance;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.TicketType;
import io.booking.system.BookingSystem;
import org.axonframework.common.lock.DeadlockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Writes a booking history of about two years into database {@code booking_history} through the product's own command
 * path: both sides start in this JVM, and each change is the command its HTTP endpoint dispatches (registration,
 * scheduling, booking through the same line of waiting bookings, guest checkout, cancellation, transfer, waiting list,
 * attendance, account deletion), so personal data is sealed and every event recorded as in production. Past events
 * are booked while they were still to come: the command side's clock ({@link HistoryClock}) is set, per command, to the
 * moment of the history it belongs to. Event endings and offer expiries are db-scheduler deadlines on real time, so
 * those of past events fire during the load.
 * <p>
 * What was acknowledged is tallied here (per event: bookings, tickets booked and cancelled, attendance, revenue) and
 * written with samples for the measurement ({@link HistoryBenchmark}) to {@code --load}. A database that already holds a
 * completed load of the same parameters is kept, unless {@code --fresh true}.
 */
public final class HistoryLoader {

    private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] CATEGORIES = {"Music", "Theatre", "Workshop", "Sport", "Talk", "Family", "Food"};
    private static final String[][] TITLES = {
        {"Jazz night", "Chamber concert", "Indie showcase", "Choir evening", "Piano recital"},
        {"Hamlet", "An evening of improv", "The Seagull", "Musical revue"},
        {"Evening pottery", "Watercolour basics", "Bread baking", "Woodwork for beginners"},
        {"Climbing taster", "Morning yoga", "Five-a-side league", "Open water swim"},
        {"Local history talk", "Science café", "Meet the author", "Start-up stories"},
        {"Puppet show", "Family science fair", "Story time", "Dinosaur trail"},
        {"Wine tasting", "Street food tour", "Cheese and cider", "Sushi masterclass"}
    };
    private static final String[] LOCATIONS = {
        "The Old Mill",
        "Studio 2",
        "Riverside Hall",
        "Town Library",
        "Corn Exchange",
        "Harbour Arts Centre",
        "St Mary's Church",
        "The Glasshouse",
        "Park Pavilion",
        "Guildhall"
    };
    private static final String[] TYPE_NAMES = {"Standard", "Concession", "VIP"};
    private static final byte BOOKED = 1;
    private static final byte CANCELLED = 2;
    private static final byte ATTENDED = 1;
    private static final byte NO_SHOW = 2;

    private final Options options;
    private final Random random;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final CommandDispatcher dispatcher;
    private final BookingQueue queue;
    private final JdbcTemplate store;
    private final Actor admin;
    private final String passwordHash;
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicLong bookingsDone = new AtomicLong();
    private final List<Customer> customers = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Booking> bookings = new ArrayList<>();
    private volatile Phase phase = new Phase("start", 0);

    private HistoryLoader(Options options, ApplicationContext commandSide) {
        this.options = options;
        this.random = new Random(options.seed);
        this.dispatcher = commandSide.getBean(CommandDispatcher.class);
        this.queue = commandSide.getBean(BookingQueue.class);
        this.store = commandSide.getBean(JdbcTemplate.class);
        String adminId = commandSide
                .getBean(Credentials.class)
                .findByEmail(options.adminEmail)
                .orElseThrow(() -> new IllegalStateException("the admin was not created"))
                .accountId();
        this.admin = new Actor(Actor.Kind.ADMIN, adminId);
        // one hash for every customer: bcrypt takes tens of milliseconds, a hundred thousand times would take an hour
        this.passwordHash = commandSide.getBean(PasswordEncoder.class).encode(options.customerPassword);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            raw.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Options options = Options.of(raw);
        if (!options.fresh && alreadyLoaded(options)) {
            log.info(
                    "database {} holds a completed load of {}: kept (BENCH_FRESH=1 reloads)",
                    options.database,
                    options.parameters());
            return;
        }
        recreateDatabase(options);
        String url = "jdbc:postgresql://" + options.dbHost + ":5432/" + options.database;
        Map<String, String> properties = Map.of(
                "spring.datasource.url",
                url,
                "spring.datasource.username",
                options.dbUser,
                "spring.datasource.password",
                "",
                "server.port",
                "0",
                "booking.admin.email",
                options.adminEmail,
                "booking.admin.password",
                options.adminPassword,
                // the confirmations wait in the outbox: no SMTP server here, and the loader has no use for its retries
                "booking.mail.poll-interval",
                "PT1H");
        long started = System.nanoTime();
        try (BookingSystem system = BookingSystem.start(properties, new HistoryClock())) {
            new HistoryLoader(options, system.commandSide()).load(started);
        }
        // db-scheduler and the pools keep threads of their own
        System.exit(0);
    }

    /** A completed load is recognised by its file's parameters and the number of bookings the database holds. */
    private static boolean alreadyLoaded(Options options) {
        try {
            JsonNode previous = JSON.readTree(options.out.toFile());
            if (!previous.path("completed").asBoolean()
                    || !options.parameters().equals(previous.path("parameters").asText())) {
                return false;
            }
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://" + options.dbHost + ":5432/" + options.database, options.dbUser, "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from command.booking_reference")) {
                rs.next();
                return rs.getLong(1) == previous.at("/totals/bookings").asLong();
            }
        } catch (Exception absent) {
            return false;
        }
    }

    private static void recreateDatabase(Options options) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://" + options.dbHost + ":5432/postgres", options.dbUser, "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + options.database + " with (force)");
            s.execute("create database " + options.database);
        }
    }

    private void load(long started) throws Exception {
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(
                () -> {
                    Phase p = phase;
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.info(
                            "{}: {} of {} ({}/s); bookings done {} ({}/s overall)",
                            p.name,
                            p.done.get(),
                            p.total,
                            Math.round(p.done.get() / Math.max(0.001, (System.nanoTime() - p.startNanos) / 1e9)),
                            bookingsDone.get(),
                            Math.round(bookingsDone.get() / seconds));
                },
                10,
                10,
                TimeUnit.SECONDS);
        try {
            plan();
            inParallel("accounts", customers.size(), i -> register(customers.get(i)));
            inParallel("events", events.size(), i -> schedule(events.get(i)));
            inParallel("bookings", bookings.size(), i -> book(bookings.get(i)));
            double bookingSeconds = phase.seconds();
            List<String[]> joins = waitingListJoins();
            inParallel("waiting-list joins", joins.size(), i -> join(joins.get(i)));
            ticketIdsOf(bookings.stream()
                    .filter(b -> b.change == Change.CANCEL_TICKET || b.change == Change.TRANSFER_TICKET)
                    .toList());
            inParallel("cancellations and transfers", bookings.size(), i -> change(bookings.get(i)));
            List<Mark> marks = attendanceMarks();
            inParallel("attendance", marks.size(), i -> attend(marks.get(i)));
            List<Customer> leaving = leavers();
            inParallel("account deletions", leaving.size(), i -> delete(leaving.get(i)));
            double seconds = (System.nanoTime() - started) / 1e9;
            write(seconds, bookingSeconds);
            log.info(
                    "history loaded in {} s: {} bookings ({}/s overall, {}/s in the booking phase); refused: {}",
                    Math.round(seconds),
                    bookings.stream().filter(b -> b.reference != null).count(),
                    Math.round(bookings.size() / seconds),
                    Math.round(bookings.size() / bookingSeconds),
                    refusals);
        } finally {
            progress.shutdownNow();
        }
    }

    // ---- the plan -----------------------------------------------------------------------------------------------

    private void plan() {
        for (int i = 0; i < options.customers; i++) {
            String name = HistoryPeople.name(random);
            customers.add(new Customer(
                    i,
                    UUID.randomUUID().toString(),
                    name,
                    HistoryPeople.email(name, i, random),
                    HistoryPeople.phone(i)));
        }
        int organisers = Math.max(3, options.events / 50);
        double[] popularity = new double[options.events];
        for (int i = 0; i < options.events; i++) {
            popularity[i] = Math.exp(random.nextGaussian() * 0.8);
            events.add(newEvent(i, random.nextInt(organisers)));
        }
        double[] cumulative = new double[options.events];
        double sum = 0;
        for (int i = 0; i < options.events; i++) {
            sum += popularity[i];
            cumulative[i] = sum;
        }
        Customer heavy = customers.get(0);
        for (int i = 0; i < options.bookings; i++) {
            boolean isHeavy = i < options.heavyBookings;
            int event = isHeavy ? random.nextInt(options.events) : pick(cumulative, sum);
            Event e = events.get(event);
            int type = random.nextDouble() < 0.7 ? 0 : random.nextInt(e.typeIds.length);
            int tickets = isHeavy ? 1 + random.nextInt(2) : ticketCount();
            boolean guest = !isHeavy && random.nextDouble() < 0.10;
            Customer customer =
                    isHeavy ? heavy : guest ? null : customers.get(1 + random.nextInt(customers.size() - 1));
            Booking b = new Booking(i, event, type, tickets, customer);
            double r = random.nextDouble();
            if (isHeavy) {
                b.change = r < 0.08 ? Change.CANCEL : Change.NONE;
            } else {
                b.change = r < 0.08
                        ? Change.CANCEL
                        : r < 0.12 && tickets > 1
                                ? Change.CANCEL_TICKET
                                : r < 0.12
                                        ? Change.CANCEL
                                        : r < 0.14
                                                ? (tickets > 1 && random.nextBoolean()
                                                        ? Change.TRANSFER_TICKET
                                                        : Change.TRANSFER)
                                                : Change.NONE;
            }
            b.byAdmin = random.nextDouble() < 0.15;
            if (guest) {
                b.guestName = HistoryPeople.name(random);
                b.guestEmail = HistoryPeople.email(b.guestName, 10_000_000L + i, random);
                b.guestPhone = random.nextBoolean() ? HistoryPeople.phone(5_000_000L + i) : null;
            }
            b.attendees = new String[tickets];
            for (int t = 0; t < tickets; t++) {
                b.attendees[t] = t == 0 ? (guest ? b.guestName : customer.name) : HistoryPeople.name(random);
            }
            e.planned[type] += tickets;
            bookings.add(b);
        }
        for (Event e : events) {
            e.soldOut = random.nextDouble() < 0.03 && Arrays.stream(e.planned).allMatch(p -> p > 0);
            e.capacity = Arrays.stream(e.planned)
                    .map(p -> e.soldOut ? p : (int) Math.ceil(p * 1.25) + 10)
                    .toArray();
        }
        // an event's bookings one after another, each dated a little later than the one before; several threads book
        // the same event at once, so they are placed together as in a sale
        bookings.sort(Comparator.comparingInt((Booking b) -> b.event).thenComparingInt(b -> b.index));
        int from = 0;
        while (from < bookings.size()) {
            int event = bookings.get(from).event;
            int to = from;
            while (to < bookings.size() && bookings.get(to).event == event) {
                to++;
            }
            Event e = events.get(event);
            long window = Duration.between(e.scheduledAt, e.changesUntil).getSeconds();
            for (int k = from; k < to; k++) {
                Booking b = bookings.get(k);
                b.bookedAt = e.scheduledAt.plusSeconds((long) (window * 0.8 * (k - from + 0.5) / (to - from)));
                // cancelled or moved after the sale, up to the customer's window
                b.changedAt = e.scheduledAt.plusSeconds((long) (window * (0.86 + 0.14 * random.nextDouble())));
            }
            from = to;
        }
        // a few events at a time, their bookings interleaved: with every thread on one event its line is served one
        // batch at a time, and the cores wait for each batch's round trips
        List<Booking> interleaved = new ArrayList<>(bookings.size());
        int next = 0;
        for (int group = 0; group < events.size(); group += options.eventsAtOnce) {
            int first = group;
            int last = Math.min(events.size(), group + options.eventsAtOnce);
            List<ArrayDeque<Booking>> lines = new ArrayList<>();
            for (int e = first; e < last; e++) {
                lines.add(new ArrayDeque<>());
            }
            while (next < bookings.size() && bookings.get(next).event < last) {
                lines.get(bookings.get(next).event - first).add(bookings.get(next++));
            }
            while (lines.stream().anyMatch(l -> !l.isEmpty())) {
                for (ArrayDeque<Booking> l : lines) {
                    if (!l.isEmpty()) {
                        interleaved.add(l.pollFirst());
                    }
                }
            }
        }
        bookings.clear();
        bookings.addAll(interleaved);
        log.info(
                "plan: {} customers, {} events ({} sold out), {} bookings ({} of one customer)",
                customers.size(),
                events.size(),
                events.stream().filter(e -> e.soldOut).count(),
                bookings.size(),
                options.heavyBookings);
    }

    private Event newEvent(int index, int organiser) {
        Instant start;
        do {
            // about two years of dates, more behind than ahead
            start = now.plus(-420 + random.nextInt(720), ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.DAYS)
                    .plus(10 + random.nextInt(10), ChronoUnit.HOURS);
        } while (Duration.between(now, start).abs().compareTo(Duration.ofDays(3)) < 0);
        int category = random.nextInt(CATEGORIES.length);
        String location = LOCATIONS[random.nextInt(LOCATIONS.length)];
        String title = TITLES[category][random.nextInt(TITLES[category].length)] + " at " + location;
        int types = 1 + random.nextInt(3);
        BigDecimal[] prices = new BigDecimal[types];
        BigDecimal base = BigDecimal.valueOf(8 + random.nextInt(50)).setScale(2, RoundingMode.UNNECESSARY);
        for (int t = 0; t < types; t++) {
            prices[t] = t == 0
                    ? base
                    : t == 1
                            ? base.multiply(new BigDecimal("0.6"))
                                    .setScale(1, RoundingMode.HALF_UP)
                                    .setScale(2, RoundingMode.UNNECESSARY)
                            : base.multiply(BigDecimal.valueOf(2)).add(new BigDecimal("4.50"));
        }
        int cutoff = random.nextBoolean() ? 24 : 48;
        Instant scheduled = start.minus(45 + random.nextInt(100), ChronoUnit.DAYS);
        Instant latestScheduling = now.minus(1 + random.nextInt(30), ChronoUnit.DAYS);
        scheduled = scheduled.isBefore(latestScheduling) ? scheduled : latestScheduling;
        Instant customersUntil = start.minus(cutoff, ChronoUnit.HOURS).minus(2, ChronoUnit.DAYS);
        Instant changesUntil = customersUntil.isBefore(now.minus(2, ChronoUnit.HOURS))
                ? customersUntil
                : now.minus(2, ChronoUnit.HOURS);
        String[] ids = new String[types];
        for (int t = 0; t < types; t++) {
            ids[t] = UUID.randomUUID().toString();
        }
        return new Event(
                index,
                UUID.randomUUID().toString(),
                title,
                CATEGORIES[category],
                location,
                start,
                start.plus(2 + random.nextInt(2), ChronoUnit.HOURS),
                scheduled,
                changesUntil,
                organiser,
                random.nextDouble() < 0.7,
                cutoff,
                ids,
                prices,
                new int[types]);
    }

    private int ticketCount() {
        double r = random.nextDouble();
        return r < 0.55 ? 1 : r < 0.80 ? 2 : r < 0.92 ? 3 : 4;
    }

    private int pick(double[] cumulative, double sum) {
        double r = random.nextDouble() * sum;
        int index = Arrays.binarySearch(cumulative, r);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    // ---- the commands, as their endpoints dispatch them ------------------------------------------------------------

    private void register(Customer c) {
        // before any event of the history was scheduled
        Instant at = now.minus(600 + (c.index % 200), ChronoUnit.DAYS);
        HistoryClock.at(
                at,
                () -> dispatcher.send(
                        new RegisterAccount(c.id, c.name, c.email, c.phone, passwordHash, Role.CUSTOMER),
                        Actor.anonymous()));
    }

    private void schedule(Event e) {
        List<TicketType> types = new ArrayList<>();
        for (int t = 0; t < e.typeIds.length; t++) {
            types.add(new TicketType(e.typeIds[t], TYPE_NAMES[t], e.prices[t], e.capacity[t]));
        }
        HistoryClock.at(
                e.scheduledAt,
                () -> dispatcher.send(
                        new ScheduleOccurrence(
                                e.id,
                                e.title,
                                "A " + e.category.toLowerCase() + " event.",
                                e.startsAt,
                                e.endsAt,
                                e.location,
                                new Organiser(
                                        "Organiser " + e.organiser, "events" + e.organiser + "@organisers.example"),
                                types,
                                new BookingPolicy(e.transfersAllowed, true, e.cutoffHours, false),
                                e.category),
                        admin));
    }

    private void book(Booking b) {
        Event e = events.get(b.event);
        String bookingId = UUID.randomUUID().toString();
        List<BookTickets.Attendee> attendees = new ArrayList<>();
        for (int t = 0; t < b.tickets; t++) {
            attendees.add(new BookTickets.Attendee(b.attendees[t], t > 0 && t == b.tickets - 1 && random() < 0.3));
        }
        String reference = HistoryClock.at(b.bookedAt, () -> {
            if (b.customer == null) {
                String guestId = UUID.randomUUID().toString();
                b.guestId = guestId;
                return queue.bookAsGuest(
                                new BookTickets(bookingId, e.id, e.typeIds[b.type], guestId, attendees, List.of()),
                                new BookingCommandHandler.GuestContact(b.guestName, b.guestEmail, b.guestPhone),
                                new Actor(Actor.Kind.GUEST, guestId))
                        .result()
                        .reference();
            }
            Actor customer = new Actor(Actor.Kind.CUSTOMER, b.customer.id);
            return queue.book(
                            new BookTickets(bookingId, e.id, e.typeIds[b.type], b.customer.id, attendees, List.of()),
                            customer)
                    .result()
                    .reference();
        });
        b.id = bookingId;
        b.recordedAt = Instant.now();
        b.ticketEvent = new int[b.tickets];
        b.ticketType = new int[b.tickets];
        b.status = new byte[b.tickets];
        b.attendance = new byte[b.tickets];
        Arrays.fill(b.ticketEvent, b.event);
        Arrays.fill(b.ticketType, b.type);
        Arrays.fill(b.status, BOOKED);
        b.reference = reference;
        bookingsDone.incrementAndGet();
    }

    private List<String[]> waitingListJoins() {
        List<String[]> joins = new ArrayList<>();
        for (Event e : events) {
            if (!e.soldOut) {
                continue;
            }
            Set<Integer> chosen = new HashSet<>();
            int count = 1 + random.nextInt(5);
            while (chosen.size() < Math.min(count, customers.size() - 1)) {
                chosen.add(1 + random.nextInt(customers.size() - 1));
            }
            long window = Duration.between(e.scheduledAt, e.changesUntil).getSeconds();
            Instant at = e.scheduledAt.plusSeconds((long) (window * 0.82));
            for (int c : chosen) {
                joins.add(new String[] {
                    e.id,
                    e.typeIds[random.nextInt(e.typeIds.length)],
                    customers.get(c).id,
                    String.valueOf(1 + random.nextInt(2)),
                    at.toString()
                });
            }
        }
        return joins;
    }

    private void join(String[] j) {
        HistoryClock.at(
                Instant.parse(j[4]),
                () -> dispatcher.send(
                        new RequestToJoin(UUID.randomUUID().toString(), j[0], j[1], j[2], Integer.parseInt(j[3])),
                        new Actor(Actor.Kind.CUSTOMER, j[2])));
    }

    private void change(Booking b) {
        if (b.change == Change.NONE || b.reference == null) {
            return;
        }
        String owner = b.customer == null ? b.guestId : b.customer.id;
        Actor actor = b.byAdmin ? admin : new Actor(b.customer == null ? Actor.Kind.GUEST : Actor.Kind.CUSTOMER, owner);
        Event e = events.get(b.event);
        switch (b.change) {
            case CANCEL -> {
                HistoryClock.at(
                        b.changedAt,
                        () -> dispatcher.send(
                                new RequestCancellation(
                                        b.id, null, actor.id(), b.byAdmin, random() < 0.3 ? "Change of plans" : null),
                                actor));
                Arrays.fill(b.status, CANCELLED);
            }
            case CANCEL_TICKET -> {
                int t = (int) (random() * b.tickets);
                HistoryClock.at(
                        b.changedAt,
                        () -> dispatcher.send(
                                new RequestCancellation(b.id, b.ticketIds[t], actor.id(), b.byAdmin, null), actor));
                b.status[t] = CANCELLED;
            }
            case TRANSFER, TRANSFER_TICKET -> {
                Event target = transferTarget(e, b.changedAt);
                if (target == null) {
                    return;
                }
                int type = (int) (random() * target.typeIds.length);
                // a customer moves tickets between events that both allow it; an admin moves any
                boolean byAdmin = b.byAdmin || !e.transfersAllowed || !target.transfersAllowed;
                Actor mover = byAdmin ? admin : actor;
                int t = b.change == Change.TRANSFER_TICKET ? (int) (random() * b.tickets) : -1;
                HistoryClock.at(
                        b.changedAt,
                        () -> dispatcher.send(
                                new RequestTransfer(new TransferTickets(
                                        b.id,
                                        t < 0 ? null : b.ticketIds[t],
                                        target.id,
                                        target.typeIds[type],
                                        mover.id(),
                                        byAdmin)),
                                mover));
                for (int i = 0; i < b.tickets; i++) {
                    if (t < 0 || i == t) {
                        b.ticketEvent[i] = target.index;
                        b.ticketType[i] = type;
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Another date of the same organiser, still to come when the tickets move, that was not planned to sell out. */
    private Event transferTarget(Event from, Instant at) {
        List<Event> candidates = events.stream()
                .filter(e -> e != from
                        && e.organiser == from.organiser
                        && !e.soldOut
                        && e.scheduledAt.isBefore(at)
                        && e.startsAt.isAfter(at.plus(3, ChronoUnit.DAYS)))
                .toList();
        return candidates.isEmpty() ? null : candidates.get((int) (random() * candidates.size()));
    }

    /** Some ended events had their doors checked: each ticket booked there marked attended or no-show. */
    private List<Mark> attendanceMarks() {
        for (Event e : events) {
            e.attendanceChecked =
                    e.endsAt.isBefore(now.minus(1, ChronoUnit.DAYS)) && random.nextDouble() < options.attendanceShare;
        }
        List<Booking> marked = bookings.stream()
                .filter(b -> b.reference != null
                        && anyTicket(b, t -> b.status[t] == BOOKED && events.get(b.ticketEvent[t]).attendanceChecked))
                .toList();
        ticketIdsOf(marked);
        List<Mark> marks = new ArrayList<>();
        for (Booking b : marked) {
            for (int t = 0; t < b.tickets; t++) {
                if (b.status[t] == BOOKED && events.get(b.ticketEvent[t]).attendanceChecked) {
                    marks.add(new Mark(b, t));
                }
            }
        }
        return marks;
    }

    private void attend(Mark mark) {
        Booking b = mark.booking;
        int t = mark.ticket;
        Event e = events.get(b.ticketEvent[t]);
        byte attendance = random() < 0.88 ? ATTENDED : NO_SHOW;
        HistoryClock.at(
                e.startsAt.plus(30, ChronoUnit.MINUTES),
                () -> dispatcher.send(
                        new RecordAttendance(
                                b.id,
                                b.ticketIds[t],
                                attendance == ATTENDED ? Attendance.ATTENDED : Attendance.NO_SHOW),
                        admin));
        b.attendance[t] = attendance;
    }

    private record Mark(Booking booking, int ticket) {}

    /** About 2 % of the customers leave; their bookings of events still to come are cancelled with the account. */
    private List<Customer> leavers() {
        List<Customer> leaving = new ArrayList<>();
        for (Customer c : customers.subList(1, customers.size())) {
            if (random.nextDouble() < 0.02) {
                leaving.add(c);
            }
        }
        return leaving;
    }

    private void delete(Customer c) {
        int cancelled = dispatcher
                .<Integer>send(new RequestAccountDeletion(c.id, admin.id(), true, true), admin)
                .result();
        c.deleted = true;
        int expected = 0;
        for (Booking b : c.bookings) {
            boolean any = false;
            for (int t = 0; t < b.tickets; t++) {
                if (b.status[t] == BOOKED
                        && events.get(b.ticketEvent[t]).startsAt.isAfter(now)) {
                    b.status[t] = CANCELLED;
                    any = true;
                }
            }
            expected += any ? 1 : 0;
        }
        if (cancelled != expected) {
            refusals.computeIfAbsent(
                            "deletion cancelled another number of bookings than tallied", k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    // ---- machinery --------------------------------------------------------------------------------------------------

    /** Tickets get their ids on the command side; they are read back from the store, where TicketsBooked lists them. */
    private void ticketIdsOf(List<Booking> wanted) {
        Map<String, Booking> byId = new HashMap<>();
        wanted.stream().filter(b -> b.reference != null && b.ticketIds == null).forEach(b -> byId.put(b.id, b));
        List<String> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            store.query("""
                            select aggregate_identifier, convert_from(payload, 'UTF8') from domain_event_entry
                            where aggregate_identifier = any(?) and payload_type = 'io.booking.shared.booking.TicketsBooked'""", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", chunk.toArray())), rs -> {
                try {
                    JsonNode tickets = JSON.readTree(rs.getString(2)).path("tickets");
                    Booking b = byId.get(rs.getString(1));
                    b.ticketIds = new String[tickets.size()];
                    for (int t = 0; t < tickets.size(); t++) {
                        b.ticketIds[t] = tickets.get(t).path("ticketId").asText();
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * Runs the tasks on the loader's threads. A refusal is counted by its rule and the task's change not tallied; any
     * other failure stops the load.
     */
    private void inParallel(String name, int count, IntConsumer task) throws Exception {
        Phase p = new Phase(name, count);
        phase = p;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < options.threads; w++) {
                running.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        for (int attempt = 1; ; attempt++) {
                            try {
                                task.accept(i);
                                break;
                            } catch (RuntimeException e) {
                                // two commands taking the same events' locks in another order: one gives way, rolled
                                // back, and is tried again as a client told 409 concurrent-change would
                                if (causedBy(e, DeadlockException.class) && attempt < 5) {
                                    continue;
                                }
                                CommandRefused refused = refusalIn(e);
                                if (refused == null) {
                                    throw e;
                                }
                                refusals.computeIfAbsent(name + ": " + refused.rule(), k -> new AtomicInteger())
                                        .incrementAndGet();
                                break;
                            }
                        }
                        p.done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        p.endNanos = System.nanoTime();
        log.info("{}: {} in {} s", name, count, Math.round(p.seconds()));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static CommandRefused refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CommandRefused refused) {
                return refused;
            }
        }
        return null;
    }

    private static double random() {
        return java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    }

    private static boolean anyTicket(Booking b, IntPredicate test) {
        for (int t = 0; t < b.tickets; t++) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    // ---- the tally --------------------------------------------------------------------------------------------------

    private void write(double seconds, double bookingSeconds) throws Exception {
        List<Booking> done = bookings.stream().filter(b -> b.reference != null).toList();
        ObjectNode root = JSON.createObjectNode();
        root.put("parameters", options.parameters());
        root.put("database", options.database);
        root.put("loadedAt", now.toString());
        root.put("loadSeconds", Math.round(seconds));
        root.put("bookingPhaseSeconds", Math.round(bookingSeconds));
        root.put("bookingsPerSecond", Math.round(done.size() / seconds));
        root.put("customerPassword", options.customerPassword);
        root.putPOJO("refusals", new TreeMap<>(refusals));
        root.set("totals", tally(done, e -> true));
        ArrayNode perEvent = root.putArray("events");
        Figures[] figures = perEvent(done);
        for (Event e : events) {
            ObjectNode row = figures[e.index].json(1);
            row.put("eventId", e.id);
            row.put("category", e.category);
            row.put("startsAt", e.startsAt.toString());
            row.put("endsAt", e.endsAt.toString());
            perEvent.add(row);
        }
        Event middle = events.stream()
                .filter(e -> e.startsAt.isBefore(now))
                .sorted(Comparator.comparing(e -> e.startsAt))
                .toList()
                .get((int) events.stream().filter(e -> e.startsAt.isBefore(now)).count() / 2);
        YearMonth month = YearMonth.from(middle.startsAt.atZone(ZoneOffset.UTC));
        Instant monthFrom = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant monthTo = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        ObjectNode monthly = tally(done, e -> !e.startsAt.isBefore(monthFrom) && e.startsAt.isBefore(monthTo));
        monthly.put("from", monthFrom.toString());
        monthly.put("to", monthTo.toString());
        root.set("month", monthly);
        String category = CATEGORIES[2];
        ObjectNode byCategory = tally(done, e -> e.category.equals(category));
        byCategory.put("category", category);
        root.set("category", byCategory);
        root.set("heavy", heavy(done));
        root.set("samples", samples(done));
        root.put("completed", true);
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        JSON.writeValue(options.out.toFile(), root);
        log.info("tally written to {}", options.out);
    }

    /** The report's figures over the events {@code matching} accepts: tickets counted where each is now. */
    private ObjectNode tally(List<Booking> done, java.util.function.Predicate<Event> matching) {
        Figures f = new Figures();
        for (Booking b : done) {
            boolean counts = false;
            for (int t = 0; t < b.tickets; t++) {
                Event e = events.get(b.ticketEvent[t]);
                if (matching.test(e)) {
                    f.ticket(b, t, e);
                    counts = true;
                }
            }
            if (counts) {
                f.booking(b);
            }
        }
        return f.json(events.stream().filter(matching).count());
    }

    /** {@link #tally} of each event, in one pass: a booking counts at every event where one of its tickets is. */
    private Figures[] perEvent(List<Booking> done) {
        Figures[] figures = new Figures[events.size()];
        Arrays.setAll(figures, i -> new Figures());
        for (Booking b : done) {
            Set<Integer> at = new HashSet<>();
            for (int t = 0; t < b.tickets; t++) {
                Event e = events.get(b.ticketEvent[t]);
                figures[e.index].ticket(b, t, e);
                at.add(e.index);
            }
            at.forEach(e -> figures[e].booking(b));
        }
        return figures;
    }

    private static final class Figures {
        long bookings;
        long booked;
        long cancelled;
        long attended;
        long noShows;
        long deleted;
        long guests;
        BigDecimal revenue = BigDecimal.ZERO;

        void ticket(Booking b, int t, Event at) {
            if (b.status[t] == BOOKED) {
                booked++;
                revenue = revenue.add(at.prices[b.ticketType[t]]);
                attended += b.attendance[t] == ATTENDED ? 1 : 0;
                noShows += b.attendance[t] == NO_SHOW ? 1 : 0;
            } else {
                cancelled++;
            }
        }

        void booking(Booking b) {
            bookings++;
            deleted += b.customer != null && b.customer.deleted ? 1 : 0;
            guests += b.customer == null ? 1 : 0;
        }

        ObjectNode json(long events) {
            ObjectNode node = JSON.createObjectNode();
            node.put("events", events);
            node.put("bookings", bookings);
            node.put("ticketsBooked", booked);
            node.put("ticketsCancelled", cancelled);
            node.put("attended", attended);
            node.put("noShows", noShows);
            node.put("revenue", revenue.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
            node.put("deletedCustomers", deleted);
            node.put("guestBookings", guests);
            return node;
        }
    }

    /** The customer of many bookings: which tab each belongs in depends on when it is asked, so each is listed. */
    private ObjectNode heavy(List<Booking> done) {
        Customer c = customers.get(0);
        ObjectNode node = JSON.createObjectNode();
        node.put("customerId", c.id);
        node.put("email", c.email);
        ArrayNode list = node.putArray("bookings");
        for (Booking b : done) {
            if (b.customer == c) {
                list.add(JSON.createArrayNode()
                        .add(events.get(b.event).endsAt.getEpochSecond())
                        .add(b.status[0] == CANCELLED));
            }
        }
        return node;
    }

    private ObjectNode samples(List<Booking> done) {
        Random pick = new Random(options.seed + 1);
        ObjectNode node = JSON.createObjectNode();
        ArrayNode live = node.putArray("customers");
        Set<Customer> seen = new HashSet<>();
        while (live.size() < Math.min(20, customers.size() / 2)) {
            Customer c = customers.get(1 + pick.nextInt(customers.size() - 1));
            if (!c.deleted && seen.add(c)) {
                live.add(JSON.createObjectNode()
                        .put("customerId", c.id)
                        .put("name", c.name)
                        .put("email", c.email)
                        .put("phone", c.phone));
            }
        }
        ArrayNode gone = node.putArray("deletedCustomers");
        customers.stream()
                .filter(c -> c.deleted)
                .limit(10)
                .forEach(c -> gone.add(JSON.createObjectNode()
                        .put("customerId", c.id)
                        .put("name", c.name)
                        .put("email", c.email)));
        ArrayNode references = node.putArray("bookings");
        for (int i = 0; i < Math.min(50, done.size()); i++) {
            // half of them changed after they were booked, so the history has more than one change to replay
            List<Booking> from = i % 2 == 0
                    ? done
                    : done.stream().filter(b -> b.change != Change.NONE).toList();
            Booking b = (from.isEmpty() ? done : from).get(pick.nextInt((from.isEmpty() ? done : from).size()));
            references.add(JSON.createObjectNode()
                    .put("bookingId", b.id)
                    .put("reference", b.reference)
                    .put("recordedAt", b.recordedAt.toString()));
        }
        ArrayNode attendees = node.putArray("attendeeNames");
        done.stream().filter(b -> b.tickets > 1).limit(10).forEach(b -> attendees.add(b.attendees[1]));
        node.put("frequentSurname", HistoryPeople.frequentSurname());
        node.put("noMatch", "Qzxv Nomatchington");
        return node;
    }

    // ---- state ------------------------------------------------------------------------------------------------------

    private enum Change {
        NONE,
        CANCEL,
        CANCEL_TICKET,
        TRANSFER,
        TRANSFER_TICKET
    }

    private static final class Customer {
        final int index;
        final String id;
        final String name;
        final String email;
        final String phone;
        final List<Booking> bookings = new ArrayList<>();
        volatile boolean deleted;

        Customer(int index, String id, String name, String email, String phone) {
            this.index = index;
            this.id = id;
            this.name = name;
            this.email = email;
            this.phone = phone;
        }
    }

    private static final class Event {
        final int index;
        final String id;
        final String title;
        final String category;
        final String location;
        final Instant startsAt;
        final Instant endsAt;
        final Instant scheduledAt;
        /** The latest moment of a customer's cancellation or transfer: inside the window, and in the past. */
        final Instant changesUntil;

        final int organiser;
        final boolean transfersAllowed;
        final int cutoffHours;
        final String[] typeIds;
        final BigDecimal[] prices;
        final int[] planned;
        int[] capacity;
        boolean soldOut;
        boolean attendanceChecked;

        Event(
                int index,
                String id,
                String title,
                String category,
                String location,
                Instant startsAt,
                Instant endsAt,
                Instant scheduledAt,
                Instant changesUntil,
                int organiser,
                boolean transfersAllowed,
                int cutoffHours,
                String[] typeIds,
                BigDecimal[] prices,
                int[] planned) {
            this.index = index;
            this.id = id;
            this.title = title;
            this.category = category;
            this.location = location;
            this.startsAt = startsAt;
            this.endsAt = endsAt;
            this.scheduledAt = scheduledAt;
            this.changesUntil = changesUntil;
            this.organiser = organiser;
            this.transfersAllowed = transfersAllowed;
            this.cutoffHours = cutoffHours;
            this.typeIds = typeIds;
            this.prices = prices;
            this.planned = planned;
        }
    }

    /** One planned booking; after it is acknowledged, where each of its tickets is and its status and attendance. */
    private static final class Booking {
        final int index;
        final int event;
        final int type;
        final int tickets;
        final Customer customer;
        Change change;
        boolean byAdmin;
        String guestName;
        String guestEmail;
        String guestPhone;
        String guestId;
        String[] attendees;
        Instant bookedAt;
        Instant changedAt;
        Instant recordedAt;
        String id;
        String reference;
        String[] ticketIds;
        int[] ticketEvent;
        int[] ticketType;
        byte[] status;
        byte[] attendance;

        Booking(int index, int event, int type, int tickets, Customer customer) {
            this.index = index;
            this.event = event;
            this.type = type;
            this.tickets = tickets;
            this.customer = customer;
            if (customer != null) {
                customer.bookings.add(this);
            }
        }
    }

    private static final class Phase {
        final String name;
        final int total;
        final AtomicInteger done = new AtomicInteger();
        final long startNanos = System.nanoTime();
        volatile long endNanos;

        Phase(String name, int total) {
            this.name = name;
            this.total = total;
        }

        double seconds() {
            return ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
        }
    }

    private record Options(
            int bookings,
            int events,
            int customers,
            int heavyBookings,
            double attendanceShare,
            long seed,
            int threads,
            int eventsAtOnce,
            boolean fresh,
            Path out,
            String dbHost,
            String dbUser,
            String database,
            String adminEmail,
            String adminPassword,
            String customerPassword) {

        static Options of(Map<String, String> raw) {
            int bookings = Integer.parseInt(raw.getOrDefault("bookings", "1000000"));
            int events = Integer.parseInt(raw.getOrDefault(
                    "events", String.valueOf(Math.min(2000, Math.max(20, bookings / 100)))));
            int customers = Integer.parseInt(raw.getOrDefault(
                    "customers", String.valueOf(Math.min(100_000, Math.max(100, bookings / 4)))));
            int heavy =
                    Integer.parseInt(raw.getOrDefault("heavy-bookings", String.valueOf(Math.min(5000, bookings / 4))));
            return new Options(
                    bookings,
                    events,
                    customers,
                    heavy,
                    Double.parseDouble(raw.getOrDefault("attendance-share", "0.15")),
                    Long.parseLong(raw.getOrDefault("seed", "20260101")),
                    Integer.parseInt(raw.getOrDefault("threads", "24")),
                    Integer.parseInt(raw.getOrDefault("events-at-once", "4")),
                    Boolean.parseBoolean(raw.getOrDefault("fresh", "false")),
                    Path.of(raw.getOrDefault("load", "bench/results/history-load.json")),
                    raw.getOrDefault("db-host", "127.0.0.1"),
                    raw.getOrDefault("db-user", "postgres"),
                    raw.getOrDefault("database", "booking_history"),
                    raw.getOrDefault("admin-email", "admin@bench.test"),
                    raw.getOrDefault("admin-password", "bench-admin-password"),
                    raw.getOrDefault("customer-password", "history-password"));
        }

        /** What makes two loads the same history. */
        String parameters() {
            return "bookings=" + bookings + " events=" + events + " customers=" + customers + " heavy=" + heavyBookings
                    + " attendance-share=" + attendanceShare + " seed=" + seed;
        }
    }
}
