package io.booking.platform;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health check that answers within its budget: DOWN when the check has not finished by then. A check that needs a
 * connection waits for the pool's connection timeout while the database is away, and an orchestrator's probe gives up
 * long before. One check runs at a time; probes that come meanwhile wait for that one.
 */
public final class TimeLimitedHealth implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration budget;
    private final ExecutorService runner;
    private CompletableFuture<Health> running;

    public TimeLimitedHealth(String name, HealthIndicator check, Duration budget) {
        this.check = check;
        this.budget = budget;
        this.runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "health-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Health health() {
        CompletableFuture<Health> probe;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(check::health, runner);
            }
            probe = running;
        }
        try {
            return probe.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer within " + budget.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("error", e.getCause().getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }
}
