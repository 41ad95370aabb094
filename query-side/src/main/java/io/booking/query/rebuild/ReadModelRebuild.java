package io.booking.query.rebuild;

import io.booking.platform.SafeLog;
import io.booking.query.QuerySideApplication;
import io.booking.query.eventstore.ReadModelSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * Rebuilds every read model from the event store into a new generation while the current one keeps answering.
 * <p>
 * The new generation is a second query side in this JVM (no traffic reaches it) whose read models and processor tokens
 * live in schema {@code <schema>_next}: its processors start from the first event, with larger batches. Once every one
 * of them has caught up (and the switch is due), its processors stop, so do this instance's, and one transaction
 * renames the schemas: the current generation becomes {@code <schema>_previous} (the one before is dropped), the new
 * one becomes {@code <schema>}, tokens included. This instance's processors then go on from the new generation's
 * positions; other instances lose their claims on the renamed tokens, and take the new ones. Statements name the
 * read models through the schema's name, so every read after the rename reads the new generation.
 * <p>
 * One rebuild at a time across instances: a PostgreSQL advisory lock, held for the whole run.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration RATE_OVER = Duration.ofSeconds(10);

    private final Environment environment;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final String schema;
    private final int batchSize;
    private final int poolSize;
    private final Clock clock = Clock.systemUTC(); // real time, not the business Clock bean that tests move
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        // the new generation's classes from the loader of this one's: a thread started by a web request would carry
        // the web server's, whose proxies of package-private repositories the executable jar's loader refuses
        thread.setContextClassLoader(ReadModelRebuild.class.getClassLoader());
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.IDLE;
    private volatile boolean switchDue;

    ReadModelRebuild(
            Environment environment,
            DataSource dataSource,
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            MeterRegistry registry,
            ReadModelSettings readModels) {
        this.environment = environment;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.processing = processing;
        this.schema = readModels.schema();
        this.batchSize = readModels.rebuild().batchSize();
        this.poolSize = readModels.rebuild().poolSize();
        Gauge.builder("booking.rebuild.events.done", this, r -> r.status.eventsDone())
                .description("event-store position the read models' new generation has reached")
                .register(registry);
        Gauge.builder("booking.rebuild.events.total", this, r -> r.status.head())
                .description("the newest event's position, when the rebuild last looked")
                .register(registry);
        Gauge.builder("booking.rebuild.events.per.second", this, r -> r.status.eventsPerSecond())
                .description("events the new generation processed per second, over the last ten seconds")
                .register(registry);
        Gauge.builder(
                        "booking.rebuild.seconds.left",
                        this,
                        r -> r.status.secondsLeft() == null ? Double.NaN : r.status.secondsLeft())
                .description("estimated seconds until the new generation catches up")
                .register(registry);
    }

    public RebuildStatus status() {
        return status;
    }

    /** Starts a rebuild; refused while one runs here or on another instance. */
    public synchronized RebuildStatus start(boolean switchWhenCaughtUp) {
        if (status.running()) {
            throw new RebuildRefused("rebuild-running", "A rebuild of the read models is running.");
        }
        Connection lock = exclusiveLock();
        switchDue = switchWhenCaughtUp;
        status = new RebuildStatus(
                RebuildStatus.State.REBUILDING, clock.instant(), 0, head(), 0, null, switchWhenCaughtUp, null, null);
        runner.execute(() -> run(lock));
        return status;
    }

    /** Switches to the new generation as soon as it has caught up (at once if it has). */
    public synchronized RebuildStatus switchWhenCaughtUp() {
        if (!status.running()) {
            throw new RebuildRefused("no-rebuild-running", "No rebuild of the read models is running here.");
        }
        switchDue = true;
        notifyAll();
        return status;
    }

    private Connection exclusiveLock() {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement();
                    ResultSet locked =
                            statement.executeQuery("select pg_try_advisory_lock(hashtext('read-model-rebuild'))")) {
                locked.next();
                if (!locked.getBoolean(1)) {
                    connection.close();
                    throw new RebuildRefused(
                            "rebuild-running", "A rebuild of the read models is running on another instance.");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the rebuild lock", e);
        }
    }

    private void run(Connection lock) {
        String next = schema + "_next";
        ConfigurableApplicationContext generation = null;
        try {
            jdbc.execute("drop schema if exists " + next + " cascade");
            log.info("Rebuilding the read models from the event store into schema {}", next);
            generation = QuerySideApplication.builder()
                    .registerShutdownHook(false)
                    .resourceLoader(new DefaultResourceLoader(ReadModelRebuild.class.getClassLoader()))
                    .run(argumentsFor(next));
            EventProcessingConfiguration nextProcessing = generation.getBean(EventProcessingConfiguration.class);
            follow(next, nextProcessing);
            analyze(next);
            switchTo(next, nextProcessing);
        } catch (Exception e) {
            log.error(
                    "Rebuilding the read models failed; the current generation keeps serving: {}", SafeLog.describe(e));
            RebuildStatus failed = status;
            status = new RebuildStatus(
                    RebuildStatus.State.FAILED,
                    failed.startedAt(),
                    failed.eventsDone(),
                    failed.head(),
                    0,
                    null,
                    failed.switchWhenCaughtUp(),
                    null,
                    e.getClass().getSimpleName());
        } finally {
            if (generation != null) {
                generation.close();
            }
            // released only once the new generation has stopped: another instance's rebuild drops its schema first
            release(lock);
        }
    }

    private static void release(Connection lock) {
        try {
            lock.close();
        } catch (SQLException e) {
            log.warn("The rebuild lock's connection did not close: {}", SafeLog.describe(e));
        }
    }

    /** The new generation is this query side with its own schema, no port of its own to speak of, and larger batches. */
    private String[] argumentsFor(String next) {
        List<String> arguments = new ArrayList<>(List.of(
                "--booking.read-models.schema=" + next,
                "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                "--spring.jmx.enabled=false",
                "--booking.event-store.batch-size=" + batchSize));
        for (String property : List.of(
                "spring.datasource.url",
                "spring.datasource.username",
                "spring.datasource.password",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
            String value = environment.getProperty(property);
            if (value != null) {
                arguments.add("--" + property + "=" + value);
            }
        }
        for (String processor : processing.eventProcessors().keySet()) {
            arguments.add("--axon.eventhandling.processors." + processor + ".batch-size=" + batchSize);
        }
        return arguments.toArray(String[]::new);
    }

    /** Reports progress until every processor of the new generation has caught up and the switch is due. */
    private void follow(String next, EventProcessingConfiguration nextProcessing) throws InterruptedException {
        Deque<long[]> recent = new ArrayDeque<>();
        Instant logged = Instant.EPOCH;
        while (true) {
            long head = head();
            Map<String, Integer> segments = new HashMap<>();
            jdbc.query("select processor_name, count(*) from " + next + ".token_entry group by processor_name", rs -> {
                segments.put(rs.getString(1), rs.getInt(2));
            });
            boolean caughtUp = true;
            long done = Long.MAX_VALUE;
            for (StreamingEventProcessor processor : streaming(nextProcessing)) {
                Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
                caughtUp &= claimed.size() == segments.getOrDefault(processor.getName(), -1)
                        && claimed.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
                done = Math.min(
                        done,
                        claimed.values().stream()
                                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                                .min()
                                .orElse(-1));
            }
            done = Math.max(0, done);
            long now = clock.millis();
            recent.addLast(new long[] {now, done});
            while (recent.size() > 2 && recent.peekFirst()[0] < now - RATE_OVER.toMillis()) {
                recent.removeFirst();
            }
            double seconds = (now - recent.peekFirst()[0]) / 1000.0;
            double rate = seconds > 0 ? (done - recent.peekFirst()[1]) / seconds : 0;
            Long left = caughtUp ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round((head - done) / rate)) : null;
            boolean caughtUpNow = caughtUp && status.state() != RebuildStatus.State.CAUGHT_UP;
            status = new RebuildStatus(
                    caughtUp ? RebuildStatus.State.CAUGHT_UP : RebuildStatus.State.REBUILDING,
                    status.startedAt(),
                    done,
                    head,
                    Math.round(rate * 10) / 10.0,
                    left,
                    status.switchWhenCaughtUp(),
                    null,
                    null);
            if (Instant.ofEpochMilli(now).isAfter(logged.plus(LOG_EVERY)) || caughtUpNow) {
                logged = Instant.ofEpochMilli(now);
                log.info(
                        "Rebuilding the read models: {} of {} events, {} events/s, {}",
                        done,
                        head,
                        Math.round(rate),
                        caughtUp
                                ? "caught up"
                                : left == null ? "time left not known yet" : "about " + left + " s left");
            }
            synchronized (this) {
                if (caughtUp && switchDue) {
                    return;
                }
                wait(PROGRESS_EVERY.toMillis());
            }
        }
    }

    /** Statistics for the planner before the new tables serve: without them it guesses, and may scan. */
    private void analyze(String next) {
        jdbc.queryForList("select table_name from information_schema.tables where table_schema = ?", String.class, next)
                .forEach(table -> jdbc.execute("analyze " + next + "." + table));
    }

    private void switchTo(String next, EventProcessingConfiguration nextProcessing) throws SQLException {
        String previous = schema + "_previous";
        streaming(nextProcessing).forEach(EventProcessor::shutDown);
        List<StreamingEventProcessor> serving = streaming(processing);
        serving.forEach(EventProcessor::shutDown);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // readers and writers of the current generation hold their locks for a moment only
                statement.execute("set local lock_timeout = '10s'");
                statement.execute("drop schema if exists " + previous + " cascade");
                statement.execute("alter schema " + schema + " rename to " + previous);
                statement.execute("alter schema " + next + " rename to " + schema);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            serving.forEach(EventProcessor::start);
        }
        RebuildStatus caughtUp = status;
        status = new RebuildStatus(
                RebuildStatus.State.SWITCHED,
                caughtUp.startedAt(),
                caughtUp.eventsDone(),
                caughtUp.head(),
                caughtUp.eventsPerSecond(),
                0L,
                caughtUp.switchWhenCaughtUp(),
                clock.instant(),
                null);
        log.info("The read models' new generation serves now; the previous one is kept as schema {}", previous);
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from command.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private static List<StreamingEventProcessor> streaming(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }
}
