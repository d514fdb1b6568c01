package cn.shangliang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Intake throughput and latency through HTTP, the full path: Basic login, validation, duplicates,
 * Drools, JPA, process start to the first wait state, one transaction. Run on H2 with
 * {@code mvn verify -Pbench}, on MariaDB with {@code mvn verify -Pmysql,bench}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeBenchmark {
  static final int DEMANDS = Integer.getInteger("bench.intake.demands", 1000);
  static final int WARMUP = Integer.getInteger("bench.intake.warmup", 200);

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  @Test
  void intakeThroughputAndLatency() throws Exception {
    String database;
    try (var connection = dataSource.getConnection()) {
      database = connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
    }
    Http clerk = new Http(port).as("clerk");
    run(clerk, WARMUP, 4);
    for (int clients : new int[] {1, 4, 8}) {
      long[] nanos = run(clerk, DEMANDS, clients);
      double seconds = nanos[nanos.length - 1] / 1e9;
      long[] latencies = java.util.Arrays.copyOf(nanos, nanos.length - 1);
      Figures.report(String.format("intake %-28s %2d clients  %7.1f demands/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d demands)",
          database.split("\\s")[0], clients, DEMANDS / seconds, Figures.percentileMillis(latencies, 50),
          Figures.percentileMillis(latencies, 95), Figures.percentileMillis(latencies, 99), DEMANDS));
    }
  }

  /** Sends {@code count} demands from {@code clients} threads; returns the latencies and, last, the wall time (ns). */
  static long[] run(Http clerk, int count, int clients) throws Exception {
    long[] result = new long[count + 1];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          Http.Response response = clerk.post("/api/demands", Demands.body());
          result[i] = System.nanoTime() - t0;
          assertThat(response.status()).as(response.body()).isEqualTo(201);
        }
      }));
    }
    for (Future<?> worker : workers) worker.get();
    result[count] = System.nanoTime() - start;
    pool.shutdown();
    return result;
  }
}
