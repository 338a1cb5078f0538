package dev.aftersales.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.AftersalesApplication;
import dev.aftersales.claims.ClaimDeadlineSweep;
import dev.aftersales.claims.ShipByWatcher;
import dev.aftersales.support.MutableClock;

/**
 * Measures how fast the ship-by watcher opens NO_TRACKING cases and the deadline sweep applies their deadlines, on a
 * database filled by the large-data generator (see docs/performance.md, "Sweeps"). Not a test: run it with
 * {@code ./mvnw -Pbench test -Dbench.args="--threads=2"} and {@code AFTERSALES_DATA_DIR} pointing at a copy of a
 * generated database (it changes the data).
 *
 * <p>Phase "no-tracking": at the real time, every thread calls {@link ShipByWatcher#runDue()} until a call opens
 * nothing. Phase "deadlines": the clock moves past the tracking-supply time, and every thread calls
 * {@link ClaimDeadlineSweep#runDue()} until a call applies nothing. Each thread plays one node: it runs the sweep
 * with connections of its own from the pool. After each phase the run waits until the reactions to the events
 * (inbox, risk, payments) have completed in the event publication registry, and reports both rates.
 */
public final class SweepBenchmark {

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
        long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "900"));
        List<String> phases = List.of(options.getOrDefault("phases", "no-tracking,deadlines").split(","));

        ConfigurableApplicationContext context = new SpringApplicationBuilder(AftersalesApplication.class,
                BenchClock.class)
                .properties("aftersales.scheduling.enabled=false", "server.port=0",
                        "spring.main.allow-bean-definition-overriding=true",
                        "spring.datasource.hikari.maximum-pool-size=" + Math.max(20, threads * 6 + 10))
                .run(args);
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            MutableClock clock = context.getBean(MutableClock.class);
            jdbc.execute("analyze");
            report(jdbc, "at start");
            if (phases.contains("no-tracking")) {
                ShipByWatcher watcher = context.getBean(ShipByWatcher.class);
                long due = jdbc.queryForObject("""
                        select count(*) from orders where status = 'AWAITING_SHIPMENT' and ship_by < now()""",
                        Long.class);
                System.out.printf("%n== no-tracking: %d unshipped orders past ship-by, %d thread(s)%n", due, threads);
                phase(jdbc, threads, maxSeconds, watcher::runDue, "NO_TRACKING cases opened");
            }
            if (phases.contains("deadlines")) {
                clock.advance(Duration.ofHours(49));
                ClaimDeadlineSweep sweep = context.getBean(ClaimDeadlineSweep.class);
                long due = jdbc.queryForObject("select count(*) from claims where deadline_at <= ?", Long.class,
                        java.sql.Timestamp.from(clock.instant()));
                System.out.printf("%n== deadlines: %d claims past their deadline at %s, %d thread(s)%n", due,
                        clock.instant(), threads);
                phase(jdbc, threads, maxSeconds, sweep::runDue, "deadlines applied");
            }
            report(jdbc, "at end");
        } finally {
            context.close();
        }
    }

    private static void phase(JdbcTemplate jdbc, int threads, long maxSeconds, IntSupplier run, String what)
            throws Exception {
        long pendingBefore = pendingPublications(jdbc);
        Cpu cpuBefore = Cpu.now(jdbc);
        long commitsBefore = commits(jdbc);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        long[] startedAt = new long[1];
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                synchronized (startedAt) {
                    if (startedAt[0] == 0) {
                        startedAt[0] = System.nanoTime();
                    }
                }
                int total = 0;
                int runs = 0;
                while (System.nanoTime() < deadline) {
                    int done = run.getAsInt();
                    runs++;
                    total += done;
                    if (done == 0) {
                        break;
                    }
                }
                return new int[] { total, runs };
            }));
        }
        int total = 0;
        for (int t = 0; t < threads; t++) {
            int[] r = results.get(t).get();
            System.out.printf("   thread %d: %d %s in %d run(s)%n", t + 1, r[0], what, r[1]);
            total += r[0];
        }
        long sweepNanos = System.nanoTime() - startedAt[0];
        pool.shutdown();
        double sweepSeconds = sweepNanos / 1e9;
        System.out.printf("   sweep: %d %s in %.1f s = %.0f per second%n", total, what, sweepSeconds,
                total / sweepSeconds);
        long waitUntil = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        long pending = pendingPublications(jdbc);
        while (pending > pendingBefore && System.nanoTime() < waitUntil) {
            Thread.sleep(200); // a benchmark waiting for asynchronous listeners, not a test
            pending = pendingPublications(jdbc);
        }
        double allSeconds = (System.nanoTime() - startedAt[0]) / 1e9;
        System.out.printf("   with every reaction completed (%d publications left): %.1f s = %.0f per second%n",
                pending - pendingBefore, allSeconds, total / allSeconds);
        Cpu cpu = Cpu.now(jdbc).minus(cpuBefore);
        long commits = commits(jdbc) - commitsBefore;
        System.out.printf("   CPU: application %.0f ms, PostgreSQL %.0f ms = %.2f ms per item, %.1f transactions per item;"
                + " on 2 idle cores at most %.0f per second%n", cpu.jvmMillis(), cpu.databaseMillis(),
                cpu.total() / Math.max(total, 1), (double) commits / Math.max(total, 1),
                total == 0 ? 0.0 : 2000.0 / (cpu.total() / total));
    }

    private static long commits(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
                Long.class);
    }

    /** CPU time used so far by this JVM and by the PostgreSQL server (all its processes), from /proc. */
    record Cpu(double jvmMillis, double databaseMillis) {

        static Cpu now(JdbcTemplate jdbc) {
            String dataDir = jdbc.queryForObject("show data_directory", String.class);
            try {
                long postmaster = Long.parseLong(java.nio.file.Files.readAllLines(
                        java.nio.file.Path.of(dataDir, "postmaster.pid")).get(0).trim());
                double database = ticks(postmaster, true);
                try (var children = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                    for (var p : children.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        String[] stat = stat(Long.parseLong(p.getFileName().toString()));
                        if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                            database += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        }
                    }
                }
                return new Cpu(ticks(ProcessHandle.current().pid(), false) * 10.0, database * 10.0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        Cpu minus(Cpu before) {
            return new Cpu(jvmMillis - before.jvmMillis, databaseMillis - before.databaseMillis);
        }

        double total() {
            return jvmMillis + databaseMillis;
        }

        /** utime + stime (+ the children that ended, for the postmaster), in clock ticks of 10 ms. */
        private static double ticks(long pid, boolean withEndedChildren) {
            String[] stat = stat(pid);
            double ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            return withEndedChildren ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
        }

        /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
        private static String[] stat(long pid) {
            try {
                String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (java.io.IOException | RuntimeException gone) {
                return null;
            }
        }
    }

    private static long pendingPublications(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
    }

    private static void report(JdbcTemplate jdbc, String when) {
        System.out.printf("%n-- %s: %d orders, %d claims (%d NO_TRACKING), %d pending publications%n", when,
                jdbc.queryForObject("select count(*) from orders", Long.class),
                jdbc.queryForObject("select count(*) from claims", Long.class),
                jdbc.queryForObject("select count(*) from claims where type = 'NO_TRACKING'", Long.class),
                pendingPublications(jdbc));
    }

    /**
     * The application's clock, movable by the benchmark. Registered as a source of the benchmark's application only
     * (no {@code @Configuration}, so the test suite's component scan does not pick it up).
     */
    static class BenchClock {

        @Bean
        @Primary
        MutableClock benchClock() {
            return new MutableClock(Instant.now());
        }
    }
}
