package cn.shangliang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Intake throughput and latency, the full path through HTTP (Basic login, validation, duplicates, Drools,
 * JPA, the process started up to its first wait state, one transaction), side by side with the bare
 * engine starting a process of one user task: through {@code /engine-rest} (the same HTTP, login and
 * transaction handling) and through the Java API (the engine alone). The headline is intake ÷ bare.
 * Rounds alternate (intake, bare REST, bare Java) at 1, 4 and 8 clients so both meet the same machine.
 *
 * <p>Run on H2 with {@code mvn verify -Pbench -Dtest=IntakeBenchmark}, on MariaDB with
 * {@code mvn verify -Pmysql,bench -Dtest=IntakeBenchmark}. {@code -Dbench.intake.seconds=900} adds a
 * sustained run of that length at 8 clients (rate per minute, errors).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeBenchmark {
  static final int DEMANDS = Integer.getInteger("bench.intake.demands", 1000);
  static final int WARMUP = Integer.getInteger("bench.intake.warmup", 300);
  static final int SUSTAINED_SECONDS = Integer.getInteger("bench.intake.seconds", 0);
  static final String BARE = "BareOneUserTask";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;

  @Test
  void intakeSideBySideWithTheBareEngine() throws Exception {
    String database;
    try (var connection = dataSource.getConnection()) {
      database = connection.getMetaData().getDatabaseProductName();
    }
    engine.getRepositoryService().createDeployment().name("bench").addModelInstance(BARE + ".bpmn",
        Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1).startEvent().userTask("Task_Bare")
            .camundaCandidateGroups("liaison-office").endEvent().done()).deploy();
    Http clerk = new Http(port).as("clerk");
    Http admin = new Http(port).as("admin");
    Map<String, Object> restStart = Map.of("businessKey", "bench");
    IntSupplier intake = () -> clerk.post("/api/demands", Demands.body()).status();
    IntSupplier bareRest = () -> admin.post("/engine-rest/process-definition/key/" + BARE + "/start", restStart).status();
    IntSupplier bareJava = () -> {
      engine.getRuntimeService().startProcessInstanceByKey(BARE, "bench");
      return 200;
    };
    run(intake, WARMUP, 4, 201);
    run(bareRest, WARMUP, 4, 200);
    run(bareJava, WARMUP, 4, 200);
    for (int clients : new int[] {1, 4, 8}) {
      long[] full = run(intake, DEMANDS, clients, 201);
      long[] rest = run(bareRest, DEMANDS, clients, 200);
      long[] java = run(bareJava, DEMANDS, clients, 200);
      double fullRate = rate(full), restRate = rate(rest), javaRate = rate(java);
      Figures.report(String.format("intake %-8s %d clients: intake %6.1f/s (p50 %5.1f p95 %5.1f p99 %5.1f ms) | "
              + "bare via /engine-rest %6.1f/s (p95 %5.1f ms) | bare Java API %6.1f/s (p95 %5.1f ms) | "
              + "intake ÷ bare REST %.2f, intake ÷ bare Java %.2f  (%d each)",
          database, clients, fullRate, pct(full, 50), pct(full, 95), pct(full, 99), restRate, pct(rest, 95),
          javaRate, pct(java, 95), fullRate / restRate, fullRate / javaRate, DEMANDS));
    }
    if (SUSTAINED_SECONDS > 0) sustained(intake, database);
  }

  /** 8 clients for the configured time: demands per minute, latency, and every non-201 counted as an error. */
  void sustained(IntSupplier intake, String database) throws Exception {
    int clients = 8;
    long end = System.nanoTime() + SUSTAINED_SECONDS * 1_000_000_000L;
    AtomicLong accepted = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          int status;
          try {
            status = intake.getAsInt();
          } catch (RuntimeException | AssertionError e) {
            status = -1;
          }
          if (status == 201) {
            accepted.incrementAndGet();
            latencies.add(System.nanoTime() - t0);
          } else {
            errors.incrementAndGet();
          }
        }
      }));
    }
    long minuteStart = System.nanoTime();
    long minuteAccepted = 0;
    double slowestMinute = Double.MAX_VALUE;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      long now = System.nanoTime();
      long done = accepted.get();
      double minuteRate = (done - minuteAccepted) / ((now - minuteStart) / 1e9);
      if (now - minuteStart > 30_000_000_000L) slowestMinute = Math.min(slowestMinute, minuteRate);
      System.out.printf("BENCH   sustained minute ending %4.0f s: %6.1f demands/s%n", (now - start) / 1e9, minuteRate);
      minuteStart = now;
      minuteAccepted = done;
    }
    for (Future<?> worker : workers) worker.get();
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Figures.report(String.format("intake %-8s sustained %d s at %d clients: %d demands, %.1f demands/s on average, "
            + "slowest minute %.1f/s, p50 %.1f p95 %.1f p99 %.1f ms, %d errors",
        database, SUSTAINED_SECONDS, clients, accepted.get(), accepted.get() / seconds, slowestMinute,
        pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), errors.get()));
    assertThat(errors.get()).as("errors during the sustained run").isZero();
  }

  static double rate(long[] run) {
    return (run.length - 1) / (run[run.length - 1] / 1e9);
  }

  static double pct(long[] run, double p) {
    return Figures.percentileMillis(Arrays.copyOf(run, run.length - 1), p);
  }

  /** Runs {@code count} calls from {@code clients} threads; returns the latencies and, last, the wall time (ns). */
  static long[] run(IntSupplier call, int count, int clients, int expectedStatus) throws Exception {
    long[] result = new long[count + 1];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          int status = call.getAsInt();
          result[i] = System.nanoTime() - t0;
          assertThat(status).isEqualTo(expectedStatus);
        }
      }));
    }
    for (Future<?> worker : workers) worker.get();
    result[count] = System.nanoTime() - start;
    pool.shutdown();
    return result;
  }
}
