package io.booking.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The CPU time spent so far by the processes on this machine that serve a booking: the system measured (every other
 * JVM), PostgreSQL (its server and backends), this client, and the machine's busy and total time. Two snapshots around
 * a phase give its CPU cost per booking, and so the rate at which the machine's cores would all be busy.
 * <p>
 * Read from what the operating system reports per process ({@link ProcessHandle.Info#totalCpuDuration()}, Linux's
 * {@code /proc/stat}); a process that ends within the phase (a database backend) takes its time with it.
 */
record CpuTime(long systemNanos, long postgresNanos, long clientNanos, long busyTicks, long allTicks) {

    static CpuTime now() {
        long system = 0;
        long postgres = 0;
        long client = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
        long self = ProcessHandle.current().pid();
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            if (process.pid() == self) {
                continue;
            }
            ProcessHandle.Info info = process.info();
            long nanos = info.totalCpuDuration().map(Duration::toNanos).orElse(0L);
            String command = info.command().orElse("");
            if (command.endsWith("/postgres")) {
                postgres += nanos;
            } else if (command.endsWith("/java")) {
                system += nanos;
            }
        }
        long[] ticks = machineTicks();
        return new CpuTime(system, postgres, client, ticks[0], ticks[1]);
    }

    /** Busy and total ticks of all cores since boot (the first line of /proc/stat), zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < fields.length; i++) {
                all += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * One line: milliseconds of CPU per booking of each part, how busy the cores were, and the bookings per second at
     * which that cost would keep every core busy.
     */
    static String perBooking(CpuTime start, CpuTime end, int bookings, double seconds) {
        double system = (end.systemNanos - start.systemNanos) / 1e6 / bookings;
        double postgres = (end.postgresNanos - start.postgresNanos) / 1e6 / bookings;
        double client = (end.clientNanos - start.clientNanos) / 1e6 / bookings;
        int cores = Runtime.getRuntime().availableProcessors();
        double total = system + postgres + client;
        long allTicks = end.allTicks - start.allTicks;
        String busy = allTicks > 0
                ? String.format(Locale.ROOT, "%.0f %%", 100.0 * (end.busyTicks - start.busyTicks) / allTicks)
                : "unknown";
        return String.format(
                Locale.ROOT,
                "CPU per booking: the system %.2f ms, PostgreSQL %.2f ms, this client %.2f ms (%.2f ms in all); "
                        + "%d cores busy %s over %.1f s; at this cost the cores allow %.0f bookings/s",
                system,
                postgres,
                client,
                total,
                cores,
                busy,
                seconds,
                total > 0 ? cores * 1000 / total : 0);
    }
}
