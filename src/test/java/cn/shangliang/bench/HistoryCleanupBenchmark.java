package cn.shangliang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.Steps;
import cn.shangliang.support.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast history cleanup works off a backlog of ended demands (the emergency path: six-step, department
 * reply, reply clock, publicity; about 240 ACT_HI_* rows each), with the engine's two cleanup jobs run one
 * after the other on one thread, then side by side on two, as the job executor would.
 *
 * <p>{@code mvn verify -Pmysql,bench -Dtest=HistoryCleanupBenchmark -Dbench.cleanup.demands=300}
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryCleanupBenchmark {
  static final int DEMANDS = Integer.getInteger("bench.cleanup.demands", 300);
  static final String ROWS = "SELECT (SELECT COUNT(*) FROM ACT_HI_ACTINST) + (SELECT COUNT(*) FROM ACT_HI_VARINST)"
      + " + (SELECT COUNT(*) FROM ACT_HI_DETAIL) + (SELECT COUNT(*) FROM ACT_HI_PROCINST)"
      + " + (SELECT COUNT(*) FROM ACT_HI_TASKINST) + (SELECT COUNT(*) FROM ACT_HI_JOB_LOG)";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void backlogOneThreadThenTwo() throws Exception {
    TestClock.at("2026-11-23T10:00:00+08:00");
    round("one thread", 1);
    round("two threads", 2);
  }

  void round(String label, int threads) throws Exception {
    endedEmergencies(DEMANDS);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(400))));
    long rowsBefore = jdbc.queryForObject(ROWS, Long.class);
    long cleanableBefore = ended();
    engine.getHistoryService().cleanUpHistoryAsync(true);
    AtomicInteger runs = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (Job job : engine.getHistoryService().findHistoryCleanupJobs()) {
        workers.add(pool.submit(() -> runUntilRescheduledLater(job.getId(), runs)));
      }
      for (Future<?> worker : workers) worker.get();
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long removedRows = rowsBefore - jdbc.queryForObject(ROWS, Long.class);
    long removedInstances = cleanableBefore - ended();
    assertThat(ended()).as("every ended demand's history removed").isZero();
    Figures.report(String.format("history cleanup, %s: %d process instances (%d demands' hierarchies), %d rows in %.1f s"
        + " over %d runs: %.0f demands/s, %.0f rows/s", label, removedInstances, removedInstances / 4, removedRows, seconds,
        runs.get(), removedInstances / 4 / seconds, removedRows / seconds));
  }

  long ended() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
  }

  void runUntilRescheduledLater(String jobId, AtomicInteger runs) {
    for (int run = 0; run < 100_000; run++) {
      Job job = engine.getManagementService().createJobQuery().jobId(jobId).singleResult();
      if (job.getDuedate().toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())) return;
      engine.getManagementService().executeJob(jobId);
      runs.incrementAndGet();
    }
  }

  /** Demands through the emergency path to their end, each step done for all of them before the next. */
  void endedEmergencies(int count) {
    Http clerk = new Http(port).as("clerk");
    List<Steps> demands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = clerk.post("/api/demands", Demands.with(Demands.body(), "urgency", "EMERGENCY")).json()
          .get("trackingCode").asText();
      demands.add(new Steps(engine, code));
    }
    for (Steps steps : demands) {
      steps.complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"), Map.of("resultText", "已抢修。"))
          .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT"));
    }
    for (Duration wait : List.of(Duration.ofDays(7), Duration.ofDays(15))) {
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(wait).plusSeconds(60)));
      demands.forEach(Steps::fireDueTimers);
    }
  }
}
