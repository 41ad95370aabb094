package io.booking.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Books over HTTP from C concurrent logged-in customers against running command and query sides, and writes what it
 * measured to a results file. Scenarios:
 * <ul>
 *     <li>{@code spread}: N bookings of 1 ticket spread over many events; also the time until a booking shows in
 *     Upcoming (a query carrying the booking's consistency token), and pgbench's one-row insert rate at the same C;</li>
 *     <li>{@code rush}: one event, one ticket type of S seats; every client books 1-4 tickets until it is sold out.</li>
 * </ul>
 * Run it through {@code bench/run.sh}, which starts the system on a fresh database.
 */
public final class BookingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(BookingBenchmark.class);

    private final Map<String, String> options;
    private final String commandSide;
    private final String querySide;
    private final StringBuilder report = new StringBuilder();
    private final List<String> failedChecks = new ArrayList<>();

    private BookingBenchmark(Map<String, String> options) {
        this.options = options;
        this.commandSide = option("command", "http://localhost:8080");
        this.querySide = option("query", "http://localhost:8081");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        // a wrong sale fails the run, however fast it was
        System.exit(new BookingBenchmark(options).run() ? 0 : 1);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** @return whether every end check passed */
    private boolean run() throws Exception {
        String scenario = option("scenario", "spread");
        List<Integer> concurrency = Arrays.stream(option("clients", "8").split(","))
                .map(Integer::valueOf)
                .toList();
        int most = Collections.max(concurrency);
        line(
                "# Benchmark: %s, C = %s (%s)",
                scenario, option("clients", "8"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("");
        line(
                "machine: %d cores, java %s; design: %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                option("design", "cached, snapshotted event aggregate"));
        line(
                "command: bench/run.sh %s %s",
                option("script-scenario", scenario),
                String.join(" ", option("clients", "8").split(",")));
        String admin = login(option("admin-email", "admin@example.com"), option("admin-password", "change-me-now"));
        List<String> customers = customers(most);
        ExecutorService pool = Executors.newFixedThreadPool(most);
        try {
            if (!scenario.equals("cold-rush")) {
                warmUp(scenario, admin, customers, pool);
            }
            for (int clients : concurrency) {
                List<String> some = customers.subList(0, clients);
                switch (scenario) {
                    case "spread" -> spread(admin, some, pool);
                    case "rush" -> rush(admin, some, pool);
                    case "cold-rush" -> coldRush(admin, some, pool);
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        line("");
        line(
                failedChecks.isEmpty()
                        ? "Every end check passed."
                        : "FAILED end checks: " + String.join("; ", failedChecks));
        Path out = Path.of(option("out", "bench/results/" + scenario + ".md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        log.info("{}\nresults written to {}", report, out);
        return failedChecks.isEmpty();
    }

    /** An end check: a wrong one is reported and fails the run. */
    private boolean check(boolean right, String what) {
        if (!right) {
            failedChecks.add(what);
        }
        return right;
    }

    /**
     * The JIT of a Spring + Axon app on two cores keeps compiling for minutes: measured points start only after the
     * same work has run for a while (bookings of this warm-up are not counted).
     */
    private void warmUp(String scenario, String admin, List<String> customers, ExecutorService pool) throws Exception {
        long seconds = Long.parseLong(option("warmup-seconds", "240"));
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int bookings = 0;
        long started = System.nanoTime();
        List<String[]> targets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonNode event = schedule(admin, "Warm-up " + i, 1_000_000);
            targets.add(new String[] {
                event.get("eventId").asText(),
                event.at("/ticketTypes/0/ticketTypeId").asText()
            });
        }
        while (System.nanoTime() < until) {
            if (scenario.equals("rush")) {
                bookings += sell(pool, customers, schedule(admin, "Warm-up sale", 10_000), 10_000)
                        .phase
                        .created
                        .get();
            } else {
                bookings += book(
                                pool,
                                customers,
                                2_000,
                                () -> targets.get(ThreadLocalRandom.current().nextInt(targets.size())),
                                true)
                        .created
                        .get();
            }
        }
        line("warm-up: %d bookings in %.0f s (not counted)", bookings, (System.nanoTime() - started) / 1e9);
        vacuumAnalyze();
    }

    /**
     * This machine's PostgreSQL runs with autovacuum off; a production server would by now have vacuumed the
     * warm-up's rows and gathered the statistics its planner needs, so the measured sale does not pay for their absence.
     */
    private void vacuumAnalyze() throws Exception {
        String dbUrl = option("db-url", "");
        if (!dbUrl.isBlank()) {
            try (Connection c = DriverManager.getConnection(
                            dbUrl, option("db-user", "postgres"), option("db-password", ""));
                    java.sql.Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
            line("then: vacuum analyze (autovacuum is off on this machine's PostgreSQL)");
        }
    }

    // ---- scenario: many events -------------------------------------------------------------------------------

    private void spread(String admin, List<String> customers, ExecutorService pool) throws Exception {
        int events = Integer.parseInt(option("events", "50"));
        int bookings = Integer.parseInt(option("bookings", "20000"));
        List<String[]> targets = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            JsonNode event = schedule(admin, "Spread " + i, 1_000_000);
            targets.add(new String[] {
                event.get("eventId").asText(),
                event.at("/ticketTypes/0/ticketTypeId").asText()
            });
        }
        int clients = customers.size();
        line("");
        line("## C = %d", clients);
        Phase measured = book(
                pool,
                customers,
                bookings,
                () -> targets.get(ThreadLocalRandom.current().nextInt(targets.size())),
                true);
        line("");
        line(
                "| C | bookings | seconds | bookings/s | p50 ms | p99 ms | max ms | 201 | 409 | other | visible in Upcoming p50 / p99 ms |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        line(
                "| %d | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %.1f / %.1f |",
                clients,
                measured.created.get(),
                measured.seconds(),
                measured.created.get() / measured.seconds(),
                measured.percentile(50),
                measured.percentile(99),
                measured.percentile(100),
                measured.created.get(),
                measured.conflicts.get(),
                measured.other.get(),
                percentile(measured.visibility, 50),
                percentile(measured.visibility, 99));
        line("");
        line(
                "%s",
                CpuTime.perBooking(measured.cpuAtStart, measured.cpuAtEnd, measured.created.get(), measured.seconds()));
        check(measured.serverErrors.get() == 0, "5xx answers at C = " + clients);
        storeHoldsWhatWasAnswered(measured, clients);
        besidePgbench(clients, measured.created.get() / measured.seconds());
    }

    /** PostgreSQL's one-row insert rate at the same concurrency, measured now, beside the bookings' rate. */
    private void besidePgbench(int clients, double bookingsPerSecond) {
        double pgbench = pgbench(clients);
        if (pgbench > 0) {
            line("");
            line(
                    "pgbench one-row insert at C = %d: %.0f commits/s; bookings/s : pgbench = %.2f",
                    clients, pgbench, bookingsPerSecond / pgbench);
        }
    }

    /** Every event's bookings in the event store are those answered 201 for it, no more, no fewer. */
    private void storeHoldsWhatWasAnswered(Phase phase, int clients) throws Exception {
        String dbUrl = option("db-url", "");
        if (dbUrl.isBlank()) {
            return;
        }
        Map<String, Long> stored = new HashMap<>();
        try (Connection c =
                        DriverManager.getConnection(dbUrl, option("db-user", "postgres"), option("db-password", ""));
                PreparedStatement s = c.prepareStatement("""
                         select convert_from(payload, 'UTF8')::jsonb ->> 'occurrenceId', count(*)
                         from command.domain_event_entry
                         where payload_type = 'io.booking.shared.booking.TicketsBooked'
                           and convert_from(payload, 'UTF8')::jsonb ->> 'occurrenceId' = any(?)
                         group by 1""")) {
            s.setArray(1, c.createArrayOf("text", phase.createdPerEvent.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        long wrong = phase.createdPerEvent.entrySet().stream()
                .filter(event -> stored.getOrDefault(event.getKey(), 0L)
                        != event.getValue().get())
                .count();
        line("");
        line(
                "End check at C = %d: events whose bookings in the event store differ from their 201 answers: %d of %d: %s",
                clients,
                wrong,
                phase.createdPerEvent.size(),
                check(wrong == 0, "event store at C = " + clients) ? "match" : "MISMATCH");
    }

    // ---- scenario: the on-sale rush -----------------------------------------------------------------------------

    /**
     * Several sales one after the other, each of a fresh event: one sale of 10,000 seats lasts seconds, and on two
     * shared cores one sale's rate varies by 15 % from run to run; the median of several is the figure to quote.
     */
    private void rush(String admin, List<String> customers, ExecutorService pool) throws Exception {
        int seats = Integer.parseInt(option("seats", "10000"));
        int sales = Integer.parseInt(option("sales", "3"));
        int clients = customers.size();
        line("");
        line("## C = %d", clients);
        line("");
        line(
                "One event, one ticket type of %d seats, %d clients booking 1-4 tickets each until sold out; %d sales, each "
                        + "of a fresh event, one after the other.",
                seats, clients, sales);
        line("");
        line(
                "| sale | bookings (201) | seats sold | seconds | bookings/s | p50 ms | p99 ms | max ms | 409 | other (5xx) | visible in Upcoming p50 / p99 ms |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        List<Sale> done = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int n = 1; n <= sales; n++) {
            // a title of its own, so the Upcoming tab's search finds this sale's bookings and nothing else
            String title = "Rush " + UUID.randomUUID().toString().substring(0, 8);
            JsonNode event = schedule(admin, title, seats);
            Sale sale = sell(pool, customers, event, seats);
            Phase p = sale.phase;
            line(
                    "| %d | %d | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %d | %d (%d) | %.1f / %.1f |",
                    n,
                    p.created.get(),
                    sale.seatsSold.get(),
                    p.seconds(),
                    p.created.get() / p.seconds(),
                    p.percentile(50),
                    p.percentile(99),
                    p.percentile(100),
                    p.conflicts.get(),
                    p.other.get(),
                    p.serverErrors.get(),
                    percentile(p.visibility, 50),
                    percentile(p.visibility, 99));
            done.add(sale);
            events.add(event);
            titles.add(title);
        }
        line("");
        line(
                "median of the sales at C = %d: %.0f bookings/s, p99 %.1f ms, visible in Upcoming p99 %.1f ms",
                clients,
                median(done.stream()
                        .map(sale -> sale.phase.created.get() / sale.phase.seconds())
                        .toList()),
                median(done.stream().map(sale -> sale.phase.percentile(99)).toList()),
                median(done.stream()
                        .map(sale -> percentile(sale.phase.visibility, 99))
                        .toList()));
        Phase firstSale = done.get(0).phase;
        Phase lastSale = done.get(done.size() - 1).phase;
        line("");
        line(
                "over the %d sales: %s",
                done.size(),
                CpuTime.perBooking(
                        firstSale.cpuAtStart,
                        lastSale.cpuAtEnd,
                        done.stream().mapToInt(sale -> sale.phase.created.get()).sum(),
                        (lastSale.endNanos - firstSale.startNanos) / 1e9));
        line("");
        line("bookings/s per tenth of each sale (by seats sold):");
        line("");
        line("| sale | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | last / first |");
        line("|" + "---|".repeat(12));
        for (int n = 0; n < done.size(); n++) {
            Sale sale = done.get(n);
            StringBuilder tenths = new StringBuilder("| " + (n + 1) + " |");
            long previous = sale.phase.startNanos;
            int previousCount = 0;
            double first = 0;
            double last = 0;
            for (int i = 0; i < 10; i++) {
                long at = sale.tenthReachedNanos[i];
                int count = sale.tenthBookings[i];
                double rate = at == 0 ? 0 : (count - previousCount) / ((at - previous) / 1e9);
                first = i == 0 ? rate : first;
                last = rate;
                tenths.append(String.format(Locale.ROOT, " %.0f |", rate));
                previous = at;
                previousCount = count;
            }
            line(tenths.append(String.format(Locale.ROOT, " %.2f |", last / first))
                    .toString());
        }
        for (int n = 0; n < done.size(); n++) {
            endCheck(n + 1, events.get(n).get("eventId").asText(), titles.get(n), done.get(n), seats, customers);
        }
        besidePgbench(
                clients,
                median(done.stream()
                        .map(sale -> sale.phase.created.get() / sale.phase.seconds())
                        .toList()));
    }

    // ---- scenario: the on-sale rush right after a start ----------------------------------------------------------

    /**
     * Sales one after the other from the moment health reported UP (--up-at, epoch ms): those started within the first
     * 60 s make the first-minute figure; sales go on until the warm-up time has passed, then three (--sales) are the
     * warm figure, as in the rush scenario.
     */
    private void coldRush(String admin, List<String> customers, ExecutorService pool) throws Exception {
        long upAt = Long.parseLong(option("up-at", String.valueOf(System.currentTimeMillis())));
        long warmAt = upAt + 1000 * Long.parseLong(option("warmup-seconds", "240"));
        int seats = Integer.parseInt(option("seats", "10000"));
        int sales = Integer.parseInt(option("sales", "3"));
        int clients = customers.size();
        line("");
        line("## C = %d, from health UP", clients);
        line("");
        line(
                "One event, one ticket type of %d seats, %d clients booking 1-4 tickets each until sold out; sales of fresh "
                        + "events one after the other from the moment health reported UP.",
                seats, clients);
        line("");
        line(
                "| sale | started s after UP | bookings (201) | seconds | bookings/s | p50 ms | p99 ms | visible p99 ms | counted as |");
        line("|---|---|---|---|---|---|---|---|---|");
        List<Sale> firstMinute = new ArrayList<>();
        List<Sale> warm = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Sale> all = new ArrayList<>();
        while (warm.size() < sales) {
            long startedAt = System.currentTimeMillis();
            String title = "Rush " + UUID.randomUUID().toString().substring(0, 8);
            JsonNode event = schedule(admin, title, seats);
            Sale sale = sell(pool, customers, event, seats);
            String countedAs = startedAt - upAt < 60_000 ? "first minute" : startedAt >= warmAt ? "warm" : "warming up";
            if (countedAs.equals("first minute")) {
                firstMinute.add(sale);
            } else if (countedAs.equals("warm")) {
                warm.add(sale);
            }
            Phase p = sale.phase;
            line(
                    "| %d | %.0f | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %s |",
                    events.size() + 1,
                    (startedAt - upAt) / 1e3,
                    p.created.get(),
                    p.seconds(),
                    p.created.get() / p.seconds(),
                    p.percentile(50),
                    p.percentile(99),
                    percentile(p.visibility, 99),
                    countedAs);
            events.add(event);
            titles.add(title);
            all.add(sale);
        }
        double firstRate = firstMinute.stream()
                        .mapToDouble(sale -> sale.phase.created.get())
                        .sum()
                / firstMinute.stream().mapToDouble(sale -> sale.phase.seconds()).sum();
        List<Double> firstLatencies = new ArrayList<>();
        firstMinute.forEach(sale -> firstLatencies.addAll(sale.phase.latencies));
        double warmRate = median(warm.stream()
                .map(sale -> sale.phase.created.get() / sale.phase.seconds())
                .toList());
        line("");
        line(
                "first minute after UP (%d sales): %.0f bookings/s, p99 %.1f ms; warm (median of %d sales): %.0f bookings/s, "
                        + "p99 %.1f ms; first minute : warm = %.2f",
                firstMinute.size(),
                firstRate,
                percentile(firstLatencies, 99),
                warm.size(),
                warmRate,
                median(warm.stream().map(sale -> sale.phase.percentile(99)).toList()),
                firstRate / warmRate);
        for (int n = 0; n < events.size(); n++) {
            if (firstMinute.contains(all.get(n)) || warm.contains(all.get(n))) {
                endCheck(n + 1, events.get(n).get("eventId").asText(), titles.get(n), all.get(n), seats, customers);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private Sale sell(ExecutorService pool, List<String> customers, JsonNode event, int seats) throws Exception {
        String eventId = event.get("eventId").asText();
        String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
        Sale sale = new Sale(seats);
        AtomicBoolean soldOut = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        sale.phase.cpuAtStart = CpuTime.now();
        sale.phase.startNanos = System.nanoTime();
        for (String customer : customers) {
            running.add(pool.submit(() -> {
                int wanted = 1 + ThreadLocalRandom.current().nextInt(4);
                while (!soldOut.get()) {
                    long started = System.nanoTime();
                    Answer answer = post("/api/bookings", customer, bookingBody(eventId, ticketTypeId, wanted));
                    sale.phase.record(answer, System.nanoTime() - started);
                    if (answer.status == 201) {
                        int n = sale.sold(
                                customer,
                                wanted,
                                answer.body.get("consistencyToken").asLong());
                        if (n % 20 == 0) {
                            sampleVisibility(sale.phase, customer, answer);
                        }
                        wanted = 1 + ThreadLocalRandom.current().nextInt(4);
                    } else if (answer.status == 409) {
                        int left = answer.body.path("seatsLeft").asInt(-1);
                        if (left == 0) {
                            soldOut.set(true);
                        } else if (left > 0) {
                            wanted = Math.min(wanted, left);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        sale.phase.endNanos = System.nanoTime();
        sale.phase.cpuAtEnd = CpuTime.now();
        return sale;
    }

    private void endCheck(int number, String eventId, String title, Sale sale, int seats, List<String> customers)
            throws Exception {
        line("");
        line("End check of sale %d:", number);
        line(
                "- seats sold (sum of 201 quantities) = %d, capacity = %d: %s",
                sale.seatsSold.get(),
                seats,
                check(sale.seatsSold.get() == seats, "seats sold in sale " + number) ? "exact" : "WRONG");
        long lastPosition = sale.lastPosition.get();
        JsonNode listing = get("/api/events/" + eventId, null, lastPosition).body;
        line(
                "- public listing seats left: %d",
                listing.at("/ticketTypes/0/seatsLeft").asInt(-1));
        String dbUrl = option("db-url", "");
        if (!dbUrl.isBlank()) {
            try (Connection c = DriverManager.getConnection(
                            dbUrl, option("db-user", "postgres"), option("db-password", ""));
                    PreparedStatement s = c.prepareStatement("""
                         select count(*), coalesce(sum(jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'tickets')), 0)
                         from command.domain_event_entry
                         where payload_type = 'io.booking.shared.booking.TicketsBooked'
                           and convert_from(payload, 'UTF8')::jsonb ->> 'occurrenceId' = ?""")) {
                s.setString(1, eventId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    line(
                            "- bookings in the event store: %d (201 answers: %d), tickets: %d: %s",
                            rs.getLong(1),
                            sale.phase.created.get(),
                            rs.getLong(2),
                            check(
                                            rs.getLong(1) == sale.phase.created.get() && rs.getLong(2) == seats,
                                            "event store of sale " + number)
                                    ? "match"
                                    : "MISMATCH");
                }
            }
        }
        int missing = 0;
        int extra = 0;
        for (String customer : customers) {
            JsonNode page = get("/api/my/upcoming?size=1&q=" + title.replace(' ', '+'), customer, lastPosition).body;
            long total = page.path("totalItems").asLong();
            long expected = sale.bookingsOf(customer);
            missing += Math.max(0, expected - total);
            extra += Math.max(0, total - expected);
        }
        line(
                "- bookings missing from their customer's Upcoming tab: %d; listed there but not answered 201: %d: %s",
                missing,
                extra,
                check(missing == 0 && extra == 0, "Upcoming tabs of sale " + number) ? "match" : "MISMATCH");
        line(
                "- 5xx answers: %d: %s",
                sale.phase.serverErrors.get(),
                check(sale.phase.serverErrors.get() == 0, "5xx answers in sale " + number) ? "none" : "WRONG");
    }

    // ---- shared machinery -------------------------------------------------------------------------------------

    private Phase book(
            ExecutorService pool,
            List<String> customers,
            int total,
            Supplier<String[]> chooser,
            boolean sampleVisibility)
            throws Exception {
        Phase phase = new Phase();
        AtomicInteger issued = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        phase.cpuAtStart = CpuTime.now();
        phase.startNanos = System.nanoTime();
        for (String customer : customers) {
            running.add(pool.submit(() -> {
                int n;
                while ((n = issued.incrementAndGet()) <= total) {
                    String[] target = chooser.get();
                    long started = System.nanoTime();
                    Answer answer = post("/api/bookings", customer, bookingBody(target[0], target[1], 1));
                    phase.record(answer, System.nanoTime() - started);
                    if (answer.status == 201) {
                        phase.createdPerEvent
                                .computeIfAbsent(target[0], id -> new AtomicInteger())
                                .incrementAndGet();
                        if (sampleVisibility && n % 20 == 0) {
                            sampleVisibility(phase, customer, answer);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        phase.endNanos = System.nanoTime();
        phase.cpuAtEnd = CpuTime.now();
        return phase;
    }

    /** How long a query carrying the booking's consistency token waits until the booking is in its customer's tab. */
    private void sampleVisibility(Phase phase, String customer, Answer booked) {
        long asked = System.nanoTime();
        Answer upcoming = get(
                "/api/my/upcoming?size=1",
                customer,
                booked.body.get("consistencyToken").asLong());
        if (upcoming.status == 200) {
            phase.visibility.add((System.nanoTime() - asked) / 1e6);
        }
    }

    private static Map<String, Object> bookingBody(String eventId, String ticketTypeId, int tickets) {
        List<Map<String, Object>> attendees = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            attendees.add(Map.of("attendeeName", "Bench Attendee " + i, "child", i == 3));
        }
        return Map.of(
                "bookingId",
                UUID.randomUUID().toString(),
                "eventId",
                eventId,
                "ticketTypeId",
                ticketTypeId,
                "tickets",
                attendees);
    }

    private List<String> customers(int count) throws Exception {
        ExecutorService setup = Executors.newFixedThreadPool(Math.min(count, 16));
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                tokens.add(setup.submit(() -> {
                    String email = "bench-" + run + "-" + n + "@bench.test";
                    Answer registered = post(
                            "/api/accounts",
                            null,
                            Map.of("name", "Bench Customer " + n, "email", email, "password", "bench-password"));
                    if (registered.status != 201) {
                        throw new IllegalStateException("registration failed: " + registered.status);
                    }
                    return login(email, "bench-password");
                }));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> token : tokens) {
                result.add(token.get());
            }
            return result;
        } finally {
            setup.shutdownNow();
        }
    }

    private JsonNode schedule(String admin, String title, int capacity) {
        Instant start = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Answer answer = post(
                "/api/admin/events",
                admin,
                Map.of(
                        "title",
                        title,
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plus(3, ChronoUnit.HOURS).toString(),
                        "location",
                        "Bench Hall",
                        "organiser",
                        Map.of("name", "Bench Org", "contact", "org@bench.test"),
                        "ticketTypes",
                        List.of(Map.of("name", "Standard", "price", 20, "capacity", capacity))));
        if (answer.status != 201) {
            throw new IllegalStateException("scheduling failed: " + answer.status + " " + answer.body);
        }
        return answer.body;
    }

    private String login(String email, String password) {
        Answer answer = post("/api/auth/token", null, Map.of("email", email, "password", password));
        if (answer.status != 200) {
            throw new IllegalStateException("login failed: " + answer.status);
        }
        return answer.body.get("accessToken").asText();
    }

    private double pgbench(int concurrency) {
        String database = option("pgbench-db", "");
        if (database.isBlank()) {
            return -1;
        }
        try {
            Path script = Files.createTempFile("insert", ".sql");
            Files.writeString(script, "insert into pgbench_one_row (payload) values ('booking');\n");
            exec(
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-d",
                    database,
                    "-qc",
                    "create table if not exists pgbench_one_row (id bigserial primary key, payload text)");
            String out = exec(
                    "pgbench",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-n",
                    "-c",
                    String.valueOf(concurrency),
                    "-j",
                    String.valueOf(Math.min(concurrency, 2)),
                    "-T",
                    option("pgbench-seconds", "10"),
                    "-f",
                    script.toString(),
                    database);
            for (String l : out.split("\n")) {
                if (l.startsWith("tps = ")) {
                    return Double.parseDouble(l.substring(6).split(" ")[0]);
                }
            }
            return -1;
        } catch (IOException | InterruptedException e) {
            line("pgbench could not run: %s", e.getClass().getSimpleName());
            return -1;
        }
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private record Answer(int status, JsonNode body) {}

    private Answer post(String path, String token, Object body) {
        try {
            return exchange("POST", commandSide + path, token, null, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            return new Answer(-1, JSON.nullNode());
        }
    }

    private Answer get(String path, String token, Long consistencyToken) {
        return exchange("GET", querySide + path, token, consistencyToken, null);
    }

    /**
     * Plain keep-alive HttpURLConnection: it costs the client far less CPU than java.net.http.HttpClient, and the
     * client shares the machine's two cores with what it measures.
     */
    private Answer exchange(String method, String url, String token, Long consistencyToken, byte[] body) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(120_000);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (consistencyToken != null) {
                connection.setRequestProperty("X-Consistency-Token", consistencyToken.toString());
            }
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            if (in != null) {
                in.close();
            }
            return new Answer(status, bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes));
        } catch (IOException e) {
            return new Answer(-1, JSON.nullNode());
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static final class Phase {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        final List<Double> visibility = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicInteger> createdPerEvent = new ConcurrentHashMap<>();
        volatile long startNanos;
        volatile long endNanos;
        volatile CpuTime cpuAtStart;
        volatile CpuTime cpuAtEnd;

        void record(Answer answer, long nanos) {
            latencies.add(nanos / 1e6);
            if (answer.status == 201) {
                created.incrementAndGet();
            } else if (answer.status == 409) {
                conflicts.incrementAndGet();
            } else {
                other.incrementAndGet();
                if (answer.status >= 500 || answer.status < 0) {
                    serverErrors.incrementAndGet();
                }
            }
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double percentile(int p) {
            synchronized (latencies) {
                return BookingBenchmark.percentile(latencies, p);
            }
        }
    }

    private static final class Sale {
        final Phase phase = new Phase();
        final AtomicInteger seatsSold = new AtomicInteger();
        final AtomicLong lastPosition = new AtomicLong();
        final long[] tenthReachedNanos = new long[10];
        final int[] tenthBookings = new int[10];
        final Map<String, AtomicInteger> bookingsPerCustomer = new ConcurrentHashMap<>();
        private final int seats;

        Sale(int seats) {
            this.seats = seats;
        }

        /** @return how many bookings of the sale were answered 201 so far */
        synchronized int sold(String customer, int quantity, long position) {
            int before = seatsSold.get();
            int after = seatsSold.addAndGet(quantity);
            lastPosition.accumulateAndGet(position, Math::max);
            bookingsPerCustomer
                    .computeIfAbsent(customer, c -> new AtomicInteger())
                    .incrementAndGet();
            for (int i = 0; i < 10; i++) {
                int boundary = (int) Math.ceil(seats * (i + 1) / 10.0);
                if (before < boundary && after >= boundary) {
                    tenthReachedNanos[i] = System.nanoTime();
                    tenthBookings[i] = phase.created.get();
                }
            }
            return phase.created.get();
        }

        long bookingsOf(String customer) {
            AtomicInteger n = bookingsPerCustomer.get(customer);
            return n == null ? 0 : n.get();
        }
    }
}
