package io.booking.platform;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Before the app reports ready, it sends itself requests that change nothing (bookings of no event, refused; public
 * reads) for {@code booking.warm-up.duration}. Spring Boot reports readiness only after its runners, so
 * {@code /actuator/health} answers 503 OUT_OF_SERVICE until then, and a load balancer sends no customer to a node whose
 * request path is still interpreted and its classes unloaded (docs/performance.md, "Everyday speed").
 */
public final class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final Settings settings;
    private final ApplicationContext context;
    private final List<Request> requests;

    /** @param requests the requests sent over and over, each answered without changing anything */
    public WarmUp(Settings settings, ApplicationContext context, List<Request> requests) {
        this.settings = settings;
        this.context = context;
        this.requests = List.copyOf(requests);
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (settings.duration().isZero()
                || requests.isEmpty()
                || !(context instanceof WebServerApplicationContext web)
                || web.getWebServer() == null) {
            return; // switched off, or no server of its own (a test's mock one)
        }
        String base = "http://127.0.0.1:" + web.getWebServer().getPort();
        // each token is issued once, not for every request that carries it
        List<Request> requests = this.requests.stream()
                .map(request -> {
                    if (request.bearer() == null) {
                        return request;
                    }
                    String token = request.bearer().get();
                    return request.withBearer(() -> token);
                })
                .toList();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long started = System.nanoTime();
        long until = started + settings.duration().toNanos();
        AtomicInteger sent = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                int offset = c;
                running.add(clients.submit(() -> {
                    for (int n = offset; System.nanoTime() < until; n++) {
                        Request request = requests.get(n % requests.size());
                        int status = send(client, base, request);
                        sent.incrementAndGet();
                        if (status >= 500 || status < 0) {
                            failures.add(request.method() + " " + request.path() + " " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        log.info(
                "warm-up: {} requests in {} ms before reporting ready",
                sent.get(),
                (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            // not fatal: the requests only warm up; a fault they meet is the app's to report where it happens
            log.warn("warm-up: answered 5xx or not at all: {}", failures);
        }
    }

    private static int send(HttpClient client, String base, Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (request.bearer() != null) {
            builder.header("Authorization", "Bearer " + request.bearer().get());
        }
        builder.method(
                request.method(),
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * A request of the warm-up.
     *
     * @param bearer a supplier of an access token, or null for none
     * @param body a JSON body, or null for none
     */
    public record Request(
            String method,
            String path,
            @Nullable Supplier<String> bearer,
            @Nullable String body) {

        public static Request get(String path) {
            return new Request("GET", path, null, null);
        }

        public static Request post(String path, String body) {
            return new Request("POST", path, null, body);
        }

        public Request withBearer(Supplier<String> token) {
            return new Request(method, path, token, body);
        }
    }

    /**
     * {@code booking.warm-up} (defaults in each side's yml).
     *
     * @param duration how long the app warms up before it reports ready; 0 for not at all
     * @param clients how many requests it sends at a time
     */
    @ConfigurationProperties("booking.warm-up")
    @Validated
    public record Settings(
            @NotNull Duration duration, @Min(1) int clients) {}
}
