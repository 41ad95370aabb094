package io.booking.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the reads of a long history over HTTP, after {@link HistoryLoader} wrote it: the back-office search, the
 * event reports, a customer of 5,000 bookings' tabs, booking details and the audit trail, at each C, p50 and p99. It
 * checks the answers against the loader's tally first and exits non-zero when one is wrong (a slow answer is reported,
 * not failed). {@code --phase rebuild} instead rebuilds the read models through the operators' command and times it,
 * reading throughout. Run through {@code bench/run.sh history}.
 */
public final class HistoryBenchmark {

    private static final Logger log = LoggerFactory.getLogger(HistoryBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_P99_MS = 20;

    private final Map<String, String> options;
    private final String commandSide;
    private final String querySide;
    private final List<String> wrong = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    private HistoryBenchmark(Map<String, String> options) {
        this.options = options;
        this.commandSide = options.getOrDefault("command", "http://localhost:8080");
        this.querySide = options.getOrDefault("query", "http://localhost:8081");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        HistoryBenchmark benchmark = new HistoryBenchmark(options);
        boolean right = "rebuild".equals(options.get("phase")) ? benchmark.rebuild() : benchmark.measure();
        System.exit(right ? 0 : 1);
    }

    // ---- measure ----------------------------------------------------------------------------------------------------

    private boolean measure() throws Exception {
        JsonNode load = JSON.readTree(Path.of(options.getOrDefault("load", "bench/results/history-load.json"))
                .toFile());
        String admin = loginWhenUp(options.get("admin-email"), options.get("admin-password"));
        JsonNode heavy = load.path("heavy");
        String customer = login(
                heavy.path("email").asText(), load.path("customerPassword").asText());
        long started = System.nanoTime();
        long newest = waitUntilCaughtUp(admin, Long.parseLong(options.getOrDefault("catch-up-minutes", "60")));
        line("# History benchmark (%s)", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("");
        line(
                "machine: %d cores, java %s; command: bench/run.sh history; load: %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                load.path("parameters").asText());
        line(
                "load: %d bookings, %d events, in %d s (%d bookings/s overall); refused while loading: %s",
                load.at("/totals/bookings").asLong(),
                load.at("/totals/events").asLong(),
                load.path("loadSeconds").asLong(),
                load.path("bookingsPerSecond").asLong(),
                load.path("refusals"));
        line(
                "query side caught up with the store (position %d) %.0f s after the measurement started",
                newest, (System.nanoTime() - started) / 1e9);
        vacuumAnalyze();
        line("then: vacuum analyze (autovacuum is off on this machine's PostgreSQL)");
        check(load, admin, customer);
        List<Read> reads = reads(load, admin, customer);
        List<Integer> concurrency = Arrays.stream(
                        options.getOrDefault("clients", "1,8").split(","))
                .map(Integer::valueOf)
                .toList();
        int requests = Integer.parseInt(options.getOrDefault("requests", "300"));
        double seconds = Double.parseDouble(options.getOrDefault("point-seconds", "60"));
        line("");
        line("## Reads");
        line("");
        line(
                "Each point: a warm-up of %d requests (not counted), then %d requests or %.0f s, whichever comes first, "
                        + "from C clients at once. Target p99 <= %.0f ms.",
                Math.max(5, requests / 20), requests, seconds, TARGET_P99_MS);
        line("");
        line("| read | C | requests | p50 ms | p99 ms | p99 <= %.0f ms |", TARGET_P99_MS);
        line("|---|---|---|---|---|---|");
        for (Read read : reads) {
            Answer probe = exchange(read.requests.get(0));
            if (read.mayBeMissing && probe.status == 404) {
                line("| %s | - | - | - | - | endpoint missing (404) |", read.name);
                log.info("{}: endpoint missing (404)", read.name);
                continue;
            }
            for (int clients : concurrency) {
                Point point = measure(read, clients, requests, seconds);
                line(
                        "| %s | %d | %d | %.1f | %.1f | %s |",
                        read.name,
                        clients,
                        point.latencies.size(),
                        percentile(point.latencies, 50),
                        percentile(point.latencies, 99),
                        percentile(point.latencies, 99) <= TARGET_P99_MS ? "PASS" : "FAIL");
                log.info(
                        "{} at C = {}: {} requests, p50 {} ms, p99 {} ms",
                        read.name,
                        clients,
                        point.latencies.size(),
                        percentile(point.latencies, 50),
                        percentile(point.latencies, 99));
                if (point.serverErrors.get() > 0 || point.unexpected.get() > 0) {
                    wrong(read.name + " at C = " + clients + ": " + point.serverErrors.get() + " 5xx, "
                            + point.unexpected.get() + " other unexpected answers");
                }
            }
        }
        line("");
        line("## Correctness");
        line("");
        if (wrong.isEmpty()) {
            line(
                    "every check passed (report totals and rows against the loader's tally, search, tabs, history; no 5xx)");
        } else {
            wrong.forEach(w -> line("- WRONG: %s", w));
        }
        Path out = Path.of(options.getOrDefault("out", "bench/results/history.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        log.info("{}\nresults written to {}", report, out);
        return wrong.isEmpty();
    }

    /** What each read asks; several requests of one read are asked in turn (other names, other references). */
    private List<Read> reads(JsonNode load, String admin, String customer) {
        JsonNode samples = load.path("samples");
        List<Read> reads = new ArrayList<>();
        reads.add(search("search: customer name", admin, texts(samples.path("customers"), "name")));
        reads.add(search("search: email", admin, texts(samples.path("customers"), "email")));
        reads.add(search("search: phone", admin, texts(samples.path("customers"), "phone")));
        reads.add(search("search: booking reference", admin, texts(samples.path("bookings"), "reference")));
        List<String> attendees = new ArrayList<>();
        samples.path("attendeeNames").forEach(n -> attendees.add(n.asText()));
        reads.add(search("search: attendee name", admin, attendees));
        reads.add(search(
                "search: common word (" + samples.path("frequentSurname").asText() + ")",
                admin,
                List.of(samples.path("frequentSurname").asText())));
        reads.add(search(
                "search: no match", admin, List.of(samples.path("noMatch").asText())));
        String month = "from=" + load.at("/month/from").asText() + "&to="
                + load.at("/month/to").asText();
        String category = "category=" + load.at("/category/category").asText();
        for (String format : List.of("", ".csv")) {
            boolean csv = !format.isEmpty();
            reads.add(get("report" + format + ": all history", admin, "/api/admin/reports/events" + format, csv));
            reads.add(get(
                    "report" + format + ": one month", admin, "/api/admin/reports/events" + format + "?" + month, csv));
            reads.add(get(
                    "report" + format + ": one category",
                    admin,
                    "/api/admin/reports/events" + format + "?" + category,
                    csv));
        }
        reads.add(get("time series: by day", admin, "/api/admin/reports/timeseries?interval=DAY", true));
        reads.add(get(
                "time series: by day, one event",
                admin,
                "/api/admin/reports/timeseries?interval=DAY&eventId="
                        + load.at("/events/0/eventId").asText(),
                true));
        String heavyId = load.at("/heavy/customerId").asText();
        reads.add(get(
                "5,000-booking customer: Upcoming (admin)",
                admin,
                "/api/admin/customers/" + heavyId + "/upcoming",
                false));
        reads.add(get("5,000-booking customer: Upcoming", customer, "/api/my/upcoming", false));
        reads.add(get("5,000-booking customer: Past", customer, "/api/my/past", false));
        reads.add(get("5,000-booking customer: Cancelled", customer, "/api/my/cancelled", false));
        List<Request> details = new ArrayList<>();
        List<Request> history = new ArrayList<>();
        List<Request> historyAt = new ArrayList<>();
        for (JsonNode b : samples.path("bookings")) {
            String reference = b.path("reference").asText();
            details.add(new Request("GET", querySide + "/api/bookings/" + reference, admin, null));
            history.add(new Request("GET", querySide + "/api/admin/bookings/" + reference + "/history", admin, null));
            historyAt.add(new Request(
                    "GET", querySide + "/api/admin/bookings/" + reference + "/history?at=" + atOf(b), admin, null));
        }
        reads.add(new Read("booking details (admin)", details, false));
        reads.add(new Read("audit trail", history, false));
        reads.add(new Read("audit trail at an instant", historyAt, false));
        return reads;
    }

    /** A moment just after the booking was recorded, before any later change of it. */
    private static String atOf(JsonNode booking) {
        return Instant.parse(booking.path("recordedAt").asText())
                .plusMillis(500)
                .toString();
    }

    private Read search(String name, String admin, List<String> texts) {
        return new Read(
                name, texts.stream().map(text -> searchRequest(admin, text)).toList(), false);
    }

    private Request searchRequest(String admin, String text) {
        try {
            return new Request(
                    "POST", querySide + "/api/admin/search", admin, JSON.writeValueAsBytes(Map.of("q", text)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Read get(String name, String token, String path, boolean mayBeMissing) {
        return new Read(name, List.of(new Request("GET", querySide + path, token, null)), mayBeMissing);
    }

    private static List<String> texts(JsonNode samples, String field) {
        List<String> texts = new ArrayList<>();
        samples.forEach(s -> texts.add(s.path(field).asText()));
        return texts;
    }

    private Point measure(Read read, int clients, int requests, double seconds) throws Exception {
        Point warmUp = new Point();
        run(read, clients, Math.max(5, requests / 20), seconds / 4, warmUp);
        Point point = new Point();
        run(read, clients, requests, seconds, point);
        point.serverErrors.addAndGet(warmUp.serverErrors.get());
        point.unexpected.addAndGet(warmUp.unexpected.get());
        return point;
    }

    private void run(Read read, int clients, int requests, double seconds, Point point) throws Exception {
        AtomicInteger issued = new AtomicInteger();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    int n;
                    while ((n = issued.getAndIncrement()) < requests && System.nanoTime() < until) {
                        long started = System.nanoTime();
                        Answer answer = exchange(read.requests.get(n % read.requests.size()));
                        point.record(answer.status, (System.nanoTime() - started) / 1e6);
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
    }

    // ---- correctness ------------------------------------------------------------------------------------------------

    private void check(JsonNode load, String admin, String customer) {
        Map<String, JsonNode> tallied = new HashMap<>();
        load.path("events").forEach(e -> tallied.put(e.path("eventId").asText(), e));
        checkReport("all history", "", load.path("totals"), tallied, admin);
        checkReport(
                "one month",
                "from=" + load.at("/month/from").asText() + "&to="
                        + load.at("/month/to").asText(),
                load.path("month"),
                tallied,
                admin);
        checkReport(
                "one category",
                "category=" + load.at("/category/category").asText(),
                load.path("category"),
                tallied,
                admin);
        JsonNode samples = load.path("samples");
        for (JsonNode b : samples.path("bookings")) {
            String reference = b.path("reference").asText();
            JsonNode found = search(admin, reference);
            if (!reference.equals(found.at("/bookings/0/reference").asText())) {
                wrong("search for reference " + reference + " did not return that booking first");
            }
            Answer details = exchange(new Request("GET", querySide + "/api/bookings/" + reference, admin, null));
            if (details.status != 200
                    || !reference.equals(details.json().path("reference").asText())) {
                wrong("booking details of " + reference + ": " + details.status);
            }
            for (String at : new String[] {null, atOf(b)}) {
                Answer history = exchange(new Request(
                        "GET",
                        querySide + "/api/admin/bookings/" + reference + "/history" + (at == null ? "" : "?at=" + at),
                        admin,
                        null));
                if (history.status != 200 || history.json().path("changes").size() < 1) {
                    wrong("history of " + reference + (at == null ? "" : " at " + at) + ": " + history.status + " with "
                            + history.json().path("changes").size() + " changes");
                }
            }
        }
        JsonNode none = search(admin, samples.path("noMatch").asText());
        if (none.path("customers").size() + none.path("bookings").size() > 0) {
            wrong("the no-match search found something");
        }
        for (JsonNode c : samples.path("customers")) {
            String id = c.path("customerId").asText();
            if (!containsCustomer(search(admin, c.path("email").asText()), id)) {
                wrong("search by email did not find customer " + id);
            }
            if (!containsCustomer(search(admin, c.path("phone").asText()), id)) {
                wrong("search by phone did not find customer " + id);
            }
        }
        for (JsonNode c : samples.path("deletedCustomers")) {
            String id = c.path("customerId").asText();
            if (containsCustomer(search(admin, c.path("email").asText()), id)
                    || containsCustomer(search(admin, c.path("name").asText()), id)) {
                wrong("deleted customer " + id + " was found by name or email");
            }
        }
        checkTabs(load.path("heavy"), admin, customer);
    }

    private void checkReport(
            String name, String filter, JsonNode expected, Map<String, JsonNode> tallied, String admin) {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode totals = null;
        for (int page = 0; ; page++) {
            Answer answer = exchange(new Request(
                    "GET",
                    querySide + "/api/admin/reports/events?size=100&page=" + page
                            + (filter.isEmpty() ? "" : "&" + filter),
                    admin,
                    null));
            if (answer.status != 200) {
                wrong("report " + name + " page " + page + ": " + answer.status);
                return;
            }
            JsonNode body = answer.json();
            totals = body.path("totals");
            body.path("items").forEach(rows::add);
            if (page + 1 >= body.path("totalPages").asInt()) {
                break;
            }
        }
        // a booking whose tickets are at two events counts in both rows, and the totals are the rows' sum: the
        // bookings-like totals are the events' tallies summed, the ticket-like ones the store's whole tally
        Map<String, BigDecimal> bookingsLike = new HashMap<>();
        for (String field : List.of("bookings", "deletedCustomers", "guestBookings")) {
            bookingsLike.put(
                    field,
                    rows.stream()
                            .map(r -> tallied.get(r.path("eventId").asText()))
                            .map(t -> t == null
                                    ? BigDecimal.ZERO
                                    : new BigDecimal(t.path(field).asText()))
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        for (String field : List.of(
                "events",
                "bookings",
                "ticketsBooked",
                "ticketsCancelled",
                "attended",
                "noShows",
                "revenue",
                "deletedCustomers",
                "guestBookings")) {
            BigDecimal want = bookingsLike.getOrDefault(
                    field, new BigDecimal(expected.path(field).asText()));
            if (new BigDecimal(totals.path(field).asText()).compareTo(want) != 0) {
                wrong("report " + name + ": totals." + field + " "
                        + totals.path(field).asText() + ", tallied " + want);
            }
        }
        if (rows.size() != expected.path("events").asInt()) {
            wrong("report " + name + ": " + rows.size() + " rows for "
                    + expected.path("events").asInt() + " events");
        }
        for (String field : List.of(
                "bookings",
                "ticketsBooked",
                "ticketsCancelled",
                "attended",
                "noShows",
                "revenue",
                "deletedCustomers",
                "guestBookings")) {
            BigDecimal sum = rows.stream()
                    .map(r -> new BigDecimal(r.path(field).asText()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(new BigDecimal(totals.path(field).asText())) != 0) {
                wrong("report " + name + ": the rows' " + field + " add up to " + sum + ", totals say "
                        + totals.path(field));
            }
        }
        int mismatched = 0;
        for (JsonNode row : rows) {
            JsonNode mine = tallied.get(row.path("eventId").asText());
            for (String field : List.of(
                    "bookings",
                    "ticketsBooked",
                    "ticketsCancelled",
                    "attended",
                    "noShows",
                    "revenue",
                    "deletedCustomers",
                    "guestBookings")) {
                if (mine == null
                        || new BigDecimal(row.path(field).asText())
                                        .compareTo(
                                                new BigDecimal(mine.path(field).asText()))
                                != 0) {
                    mismatched++;
                    if (mismatched <= 5) {
                        wrong("report " + name + ": event "
                                + row.path("eventId").asText() + " " + field + " "
                                + row.path(field).asText() + ", tallied "
                                + (mine == null
                                        ? "no such event"
                                        : mine.path(field).asText()));
                    }
                }
            }
        }
        if (mismatched > 5) {
            wrong("report " + name + ": " + mismatched + " figures of rows differ from the tally in all");
        }
    }

    /** Which tab a booking is in depends on when it is asked: an event ended by now is in Past. */
    private void checkTabs(JsonNode heavy, String admin, String customer) {
        long now = Instant.now().getEpochSecond();
        long upcoming = 0;
        long past = 0;
        long cancelled = 0;
        for (JsonNode b : heavy.path("bookings")) {
            boolean ended = b.get(0).asLong() <= now;
            boolean isCancelled = b.get(1).asBoolean();
            upcoming += !ended && !isCancelled ? 1 : 0;
            past += ended ? 1 : 0;
            cancelled += isCancelled ? 1 : 0;
        }
        String id = heavy.path("customerId").asText();
        compareTab("Upcoming (admin)", "/api/admin/customers/" + id + "/upcoming", admin, upcoming);
        compareTab("Upcoming", "/api/my/upcoming", customer, upcoming);
        compareTab("Past", "/api/my/past", customer, past);
        compareTab("Cancelled", "/api/my/cancelled", customer, cancelled);
    }

    private void compareTab(String tab, String path, String token, long expected) {
        Answer answer = exchange(new Request("GET", querySide + path + "?size=1", token, null));
        long total = answer.json().path("totalItems").asLong(-1);
        if (answer.status != 200 || total != expected) {
            wrong("tab " + tab + " of the customer of many bookings: " + answer.status + ", totalItems " + total
                    + ", tallied " + expected);
        }
    }

    private JsonNode search(String admin, String text) {
        Answer answer = exchange(searchRequest(admin, text));
        if (answer.status != 200) {
            wrong("search answered " + answer.status);
        }
        return answer.json();
    }

    private static boolean containsCustomer(JsonNode result, String customerId) {
        for (JsonNode c : result.path("customers")) {
            if (customerId.equals(c.path("customerId").asText())) {
                return true;
            }
        }
        return false;
    }

    private void wrong(String what) {
        synchronized (wrong) {
            wrong.add(what);
        }
        log.warn("WRONG: {}", what);
    }

    /**
     * This machine's PostgreSQL runs with autovacuum off; a production server would by now have gathered the statistics
     * its planner needs (whether a search word is rare or common decides between a trigram index and a scan).
     */
    private void vacuumAnalyze() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        options.get("db-url"), options.getOrDefault("db-user", "postgres"), "");
                Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
    }

    // ---- rebuild ----------------------------------------------------------------------------------------------------

    /**
     * Rebuilds every read model through the operators' command (POST /api/admin/read-models/rebuild) while reading the
     * report and searching throughout: the rate is events per second from the rebuild's start until it switched, and
     * any read that does not answer 200 meanwhile is wrong.
     */
    private boolean rebuild() throws Exception {
        String admin = loginWhenUp(options.get("admin-email"), options.get("admin-password"));
        // the query side starts after the command side
        for (int tries = 0;
                tries < 240
                        && exchange(new Request("GET", querySide + "/api/admin/read-models/rebuild", admin, null))
                                        .status
                                != 200;
                tries++) {
            Thread.sleep(500);
        }
        Answer started = exchange(new Request(
                "POST", querySide + "/api/admin/read-models/rebuild", admin, "{}".getBytes(StandardCharsets.UTF_8)));
        if (started.status != 202) {
            wrong("the rebuild did not start: " + started.status);
            return false;
        }
        long startedAt = System.nanoTime();
        long deadline = startedAt + Long.parseLong(options.getOrDefault("catch-up-minutes", "60")) * 60_000_000_000L;
        Map<Integer, Integer> readStatuses = new java.util.TreeMap<>();
        double fastest = 0;
        JsonNode status;
        while (true) {
            for (Request read : List.of(
                    new Request("GET", querySide + "/api/admin/reports/events", admin, null),
                    new Request(
                            "POST",
                            querySide + "/api/admin/search",
                            admin,
                            JSON.writeValueAsBytes(Map.of("q", "smith"))))) {
                readStatuses.merge(exchange(read).status, 1, Integer::sum);
            }
            status = exchange(new Request("GET", querySide + "/api/admin/read-models/rebuild", admin, null))
                    .json();
            fastest = Math.max(fastest, status.path("eventsPerSecond").asDouble());
            String state = status.path("state").asText();
            if (state.equals("SWITCHED") || state.equals("FAILED") || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        long events = status.path("eventsDone").asLong();
        line("");
        line("## Rebuild");
        line("");
        line(
                "`POST /api/admin/read-models/rebuild` under reads: %s after %.0f s; %d events (the newest position) at "
                        + "%.0f events/s from the request to the switch (fastest ten seconds: %.0f events/s); reads meanwhile "
                        + "by status: %s.",
                status.path("state").asText(), seconds, events, events / seconds, fastest, readStatuses);
        if (!"SWITCHED".equals(status.path("state").asText())) {
            wrong("the rebuild ended " + status.path("state").asText());
        }
        if (!readStatuses.keySet().equals(java.util.Set.of(200))) {
            wrong("reads during the rebuild answered " + readStatuses);
        }
        Path out = Path.of(options.getOrDefault("out", "bench/results/history.md"));
        Files.writeString(
                out, report.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        log.info("{}", report);
        return wrong.isEmpty();
    }

    /**
     * Waits until every query-side processor's stored token (what it has committed, not what it has fetched: a
     * processor's status runs ahead of its commits by the events it holds in memory) has reached the newest event and
     * the query side reports UP, or the deadline passes.
     *
     * @return the newest position it caught up with
     */
    private long waitUntilCaughtUp(String admin, long minutes) throws Exception {
        long deadline = System.nanoTime() + minutes * 60_000_000_000L;
        long lastLog = 0;
        while (true) {
            long newest = newestPosition();
            long slowest;
            try (Connection c = DriverManager.getConnection(
                            options.get("db-url"), options.getOrDefault("db-user", "postgres"), "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select coalesce(min(coalesce(t ->> 'index', t -> 'currentToken' ->> 'index')::bigint), -1) "
                                    // a generation built from the start keeps a replay token until an event beyond its
                                    // start
                                    + "from (select convert_from(token, 'UTF8')::json t from query.token_entry) tokens")) {
                rs.next();
                slowest = rs.getLong(1);
            }
            boolean up = "UP"
                    .equals(exchange(new Request("GET", querySide + "/actuator/health", admin, null))
                            .json()
                            .path("status")
                            .asText());
            if (up && slowest >= newest) {
                return newest;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the query side did not catch up within " + minutes + " minutes");
            }
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                log.info("waiting for the query side: slowest processor at {} of {}", slowest, newest);
                lastLog = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    private long newestPosition() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        options.get("db-url"), options.getOrDefault("db-user", "postgres"), "");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select coalesce(max(global_index), 0) from command.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------------

    private String login(String email, String password) throws IOException {
        Answer answer = exchange(new Request(
                "POST",
                commandSide + "/api/auth/token",
                null,
                JSON.writeValueAsBytes(Map.of("email", email, "password", password))));
        if (answer.status != 200) {
            throw new IllegalStateException("login failed: " + answer.status);
        }
        return answer.json().path("accessToken").asText();
    }

    private String loginWhenUp(String email, String password) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            try {
                return login(email, password);
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Plain keep-alive HttpURLConnection: cheap on the two cores the client shares with what it measures. */
    private static Answer exchange(Request request) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(request.url).toURL().openConnection();
            connection.setRequestMethod(request.method);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(300_000);
            if (request.token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + request.token);
            }
            if (request.body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setFixedLengthStreamingMode(request.body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(request.body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            if (in != null) {
                in.close();
            }
            return new Answer(status, bytes);
        } catch (IOException e) {
            return new Answer(-1, new byte[0]);
        }
    }

    private record Request(String method, String url, String token, byte[] body) {}

    private record Read(String name, List<Request> requests, boolean mayBeMissing) {}

    private record Answer(int status, byte[] body) {

        JsonNode json() {
            try {
                return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException notJson) {
                return JSON.nullNode();
            }
        }
    }

    private static final class Point {
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger unexpected = new AtomicInteger();

        void record(int status, double millis) {
            latencies.add(millis);
            if (status >= 500 || status < 0) {
                serverErrors.incrementAndGet();
            } else if (status != 200) {
                unexpected.incrementAndGet();
            }
        }
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
