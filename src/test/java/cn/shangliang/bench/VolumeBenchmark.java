package cn.shangliang.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.system.KeysetCursor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Five years of a prefecture on one installation: the database filled to 10k, 100k and 1M matters (in one run, each
 * size built on the previous one, see {@link VolumeCopier}) and at each size the calls people make every day timed
 * through HTTP as they make them — supervisors' figures and the dashboard, the scorecard, the public board and a
 * matter's public page, the staff list and a matter's full view, the inbox, Open311 — then intake alone and intake
 * while those calls run. p50/p95/p99 over {@code bench.volume.calls} calls each (fewer when one kind of call uses up
 * its {@code bench.volume.seconds}; the count is printed).
 *
 * <p>MariaDB only, in a database of its own (shangliang_volume, dropped first):
 * {@code mvn verify -Pmysql,bench -Dtest=VolumeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.volume.sizes=10000,100000,1000000}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolumeBenchmark {
  static final List<Long> SIZES = Arrays.stream(System.getProperty("bench.volume.sizes", "10000,100000").split(","))
      .map(String::strip).map(Long::parseLong).toList();
  static final int CALLS = Integer.getInteger("bench.volume.calls", 200);
  static final int SECONDS_PER_KIND = Integer.getInteger("bench.volume.seconds", 90);
  static final int INTAKE_SECONDS = Integer.getInteger("bench.volume.intake-seconds", 60);
  static final int INTAKE_CLIENTS = 4;
  /**
   * The calls per second of the paced readers: what supervisors and the public ask of a prefecture's installation in a
   * busy hour (a dashboard is 8 calls; 2 a second is a dashboard opened every 4 seconds), beside the clerks' intake.
   * The unpaced readers show the other end: two readers asking without a pause, on the same two cores.
   */
  static final double PACED_CALLS_PER_SECOND = Double.parseDouble(System.getProperty("bench.volume.paced-calls-per-second", "2"));
  /**
   * -Dbench.volume.keep=true: measure the database an earlier run filled (a change measured at 1M without the hour of
   * filling); a size the database already holds is not filled again.
   */
  static final boolean KEEP = Boolean.getBoolean("bench.volume.keep");
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired VillageAssignments villages;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
    BenchDatabase.own(registry, "shangliang_volume", KEEP);
  }


  @Test
  void fiveYearsOfAPrefecture() throws Exception {
    try (Connection db = dataSource.getConnection()) {
      assumeTrue(db.getMetaData().getDatabaseProductVersion().contains("MariaDB"),
          "the volume benchmark fills MariaDB (its sequence tables): run it with -Pmysql,bench");
    }
    // a kept database that holds every size needs no templates: walking them would add matters with the kept ids' long
    // tracking codes, and measure a database that is no longer the one filled
    boolean fill = !KEEP || jdbc.queryForObject("SELECT COUNT(*) FROM demand", Long.class) < SIZES.get(SIZES.size() - 1);
    VolumeCopier copier = fill ? templatesAndCopier() : null;
    for (long size : SIZES) {
      long start = System.nanoTime();
      if (KEEP && jdbc.queryForObject("SELECT COUNT(*) FROM demand", Long.class) >= size) {
        Figures.report(String.format("volume   size %,d: the database kept from an earlier run holds it already", size));
      } else {
        copier.fillTo(size);
        derivedFigures();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      try (Connection db = dataSource.getConnection()) {
        Figures.report(String.format("volume   size %,d: %,d demands, %,d of our rows, %,d engine history rows, %,d open tasks; filled in %.0f s",
            size, VolumeCopier.longs(db, "SELECT COUNT(*) FROM demand").get(0), VolumeCopier.rows(db, "%") - VolumeCopier.rows(db, "ACT\\_%"),
            VolumeCopier.rows(db, "ACT\\_HI\\_%"), VolumeCopier.longs(db, "SELECT COUNT(*) FROM ACT_RU_TASK").get(0), seconds));
      }
      measureAt(size);
    }
  }

  /** The templates walked through the product, their history counted, and the copier that copies them. */
  private VolumeCopier templatesAndCopier() throws Exception {
    List<VolumeTemplates.Template> templates = new VolumeTemplates(engine, intake, villages, jdbc).walk();
    List<String> departments = List.of("transport", "water", "education", "health", "civil-affairs", "housing", "agriculture",
        "human-resources", "public-security", "urban-management", "environment", "township");
    VolumeCopier copier = new VolumeCopier(dataSource, templates, departments);
    try (Connection db = dataSource.getConnection()) {
      for (VolumeTemplates.Template t : templates) {
        long history = 0;
        for (String table : VolumeCopier.strings(db, "SELECT DISTINCT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
            + "DATABASE() AND TABLE_NAME LIKE 'ACT\\_HI\\_%' AND COLUMN_NAME = 'ROOT_PROC_INST_ID_'")) {
          history += VolumeCopier.longs(db, "SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ IN (SELECT PROC_INST_ID_ FROM "
              + "ACT_HI_PROCINST WHERE BUSINESS_KEY_ = '" + t.trackingCode() + "')").get(0);
        }
        Figures.report(String.format("volume   template %-48s weight %2d, %d engine history rows", t.kind(), t.weight(), history));
      }
    }
    Figures.report(String.format("volume   engine history copied for matters finished in the last %d days and all open ones",
        VolumeCopier.HISTORY_DAYS));
    return copier;
  }

  /**
   * The figures kept beside the records (sla_daily, the open reply tasks) are made from the copied rows as at an
   * upgraded installation's first start: the start-up runners that fill them once are run again with their markers
   * cleared (the copier writes in SQL, past the engine's listeners).
   */
  private void derivedFigures() throws Exception {
    long start = System.nanoTime();
    jdbc.update("UPDATE sla_daily_backfill SET done_at = NULL WHERE id = 1");
    jdbc.update("UPDATE open_reply_task_backfill SET done_at = NULL WHERE id = 1");
    for (var runner : context.getBeansOfType(ApplicationRunner.class).values()) {
      String name = AopUtils.getTargetClass(runner).getSimpleName();
      if (name.equals("SlaDailyBackfill") || name.equals("OpenReplyTaskBackfill")) runner.run(new DefaultApplicationArguments());
    }
    double sla = (System.nanoTime() - start) / 1e9;
    // the board's kept total (sl_counter) follows each publication; the copies were written past it
    jdbc.update("UPDATE sl_counter SET total = (SELECT COUNT(*) FROM publicity_notice) WHERE counter_name = 'publicity_notice'");
    // the copied matters' scores: marked as changed, as the migration marks an existing installation's, and left to the
    // background worker (rows written in SQL pass no Hibernate listener)
    start = System.nanoTime();
    int marked = jdbc.update("INSERT INTO matter_score_change (demand_id) SELECT DISTINCT m.demand_id FROM meeting m WHERE m.recorded_at "
        + "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM matter_score s WHERE s.demand_id = m.demand_id)");
    long deadline = System.nanoTime() + 60L * 60 * 1_000_000_000L;
    while (jdbc.queryForObject("SELECT COUNT(*) FROM matter_score_change", Long.class) > 0 && System.nanoTime() < deadline) sleep(2000);
    Figures.report(String.format("volume   derived figures: sla_daily recounted and open reply tasks copied in %.0f s; %,d matters scored by the worker in %.0f s", sla,
        marked, (System.nanoTime() - start) / 1e9));
  }

  private void measureAt(long size) throws Exception {
    Http supervisor = new Http(port).as("supervisor");
    Http liaison = new Http(port).as("liaison");
    Http citizen = new Http(port).as(null);
    int year = LocalDate.now(CHINA).getYear() - 1; // a whole year of matters
    String yearFrom = enc(year + "-01-01T00:00:00+08:00");
    String yearTo = enc((year + 1) + "-01-01T00:00:00+08:00");
    String monthFrom = enc(year + "-06-01T00:00:00+08:00");
    String monthTo = enc(year + "-07-01T00:00:00+08:00");
    List<String> codes = jdbc.queryForList("SELECT tracking_code FROM demand ORDER BY RAND() LIMIT 500", String.class);
    List<Map<String, Object>> places = jdbc.queryForList("SELECT village, status FROM demand ORDER BY RAND() LIMIT 200");
    String filter = engine.getFilterService().createFilterQuery().filterName("本组待办").singleResult().getId();
    long board = citizen.get("/api/public/notices?page=0&size=20").json().get("totalPages").asLong();

    List<Runnable> calls = new ArrayList<>();
    calls.add(timed(size, "GET /api/sla/summary, a year", () -> supervisor.get("/api/sla/summary?from=" + yearFrom + "&to=" + yearTo)));
    calls.add(timed(size, "GET /api/sla/summary, a month", () -> supervisor.get("/api/sla/summary?from=" + monthFrom + "&to=" + monthTo)));
    calls.add(timed(size, "GET /api/sla/breaches, a year", () -> supervisor.get("/api/sla/breaches?from=" + yearFrom + "&to=" + yearTo)));
    calls.add(timed(size, "GET /api/sla/breaches, a year, newest 100", () -> supervisor.get("/api/sla/breaches?limit=100&from=" + yearFrom
        + "&to=" + yearTo)));
    calls.add(timed(size, "GET /api/sla/breaches, a month", () -> supervisor.get("/api/sla/breaches?from=" + monthFrom + "&to=" + monthTo)));
    calls.add(timed(size, "dashboard: its 8 calls, 6 at a time", () -> dashboard(supervisor)));
    // unpaged, a year is 21 MB at 100k and about 210 MB at 1M: more than this JVM (client and server in 1 GiB) holds
    // twice over, so from 1M on only its pages are timed (the API keeps the unpaged answer for its clients)
    if (size <= 100_000) {
      calls.add(timed(size, "GET /api/scorecard/matters, a year", () -> supervisor.get("/api/scorecard/matters?period=" + year)));
    } else {
      Figures.report(String.format("volume   size %,9d  GET /api/scorecard/matters, a year, unpaged: not timed (about 210 MB)", size));
    }
    // the dashboard's list, a page at a time since 2026-12-04: the first page and one in the middle of the year
    long scored = jdbc.queryForObject("SELECT COUNT(*) FROM matter_score WHERE consulted_at >= ? AND consulted_at < ?", Long.class,
        java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant()),
        java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant()));
    calls.add(timed(size, "GET /api/scorecard/matters, a year, first 100", () -> supervisor.get("/api/scorecard/matters?period=" + year
        + "&limit=100")));
    calls.add(timed(size, "GET /api/scorecard/matters, a year, 100 at offset " + scored / 2, () -> supervisor.get(
        "/api/scorecard/matters?period=" + year + "&limit=100&offset=" + scored / 2)));
    calls.add(timed(size, "GET /api/scorecard/townships, a year", () -> supervisor.get("/api/scorecard/townships?period=" + year)));
    calls.add(timed(size, "public board, first page", () -> citizen.get("/api/public/notices?page=0&size=20")));
    calls.add(timed(size, "public board, page " + board / 2 + " of " + board, () -> citizen.get("/api/public/notices?size=20&page=" + board / 2)));
    // the cursor the page before the middle one hands out: its last notice's time and id (stored in UTC: hibernate.jdbc.time_zone)
    String cursor = jdbc.queryForObject("SELECT published_at, id FROM publicity_notice ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET "
        + (board / 2 * 20 - 1), (rs, i) -> new KeysetCursor(rs.getTimestamp(1, UTC).toInstant(), rs.getLong(2)).text());
    calls.add(timed(size, "public board, page " + board / 2 + " by its cursor", () -> citizen.get("/api/public/notices?size=20&before="
        + cursor)));
    calls.add(timed(size, "GET /api/public/demands/{code}", () -> citizen.get("/api/public/demands/" + any(codes))));
    calls.add(timed(size, "GET /api/demands?village=&status=", () -> {
      Map<String, Object> place = places.get(ThreadLocalRandom.current().nextInt(places.size()));
      return liaison.get("/api/demands?village=" + enc((String) place.get("village")) + "&status=" + place.get("status"));
    }));
    calls.add(timed(size, "GET /api/demands/{code} (full view with history)", () -> liaison.get("/api/demands/" + any(codes))));
    calls.add(timed(size, "inbox 本组待办 as liaison, first page of 15", () -> liaison.post("/engine-rest/filter/" + filter
        + "/list?firstResult=0&maxResults=15", Map.of())));
    calls.add(timed(size, "inbox 本组待办 as liaison, count", () -> liaison.get("/engine-rest/filter/" + filter + "/count")));
    calls.add(timed(size, "Open311 requests.json, a month", () -> citizen.get("/open311/v2/requests.json?start_date=" + monthFrom
        + "&end_date=" + monthTo)));
    for (Runnable call : calls) call.run();

    double alone = intake(size, "intake alone", null, 0, 0);
    double withQueries = intake(size, "intake while the calls above run", calls, 2, 0);
    Figures.report(String.format("volume   size %,d: intake with the calls running ÷ intake alone = %.2f", size, withQueries / alone));
    double paced = intake(size, String.format("intake beside the calls at %.1f a second", PACED_CALLS_PER_SECOND), calls, 2,
        PACED_CALLS_PER_SECOND);
    Figures.report(String.format("volume   size %,d: intake with the calls at %.1f a second ÷ intake alone = %.2f", size,
        PACED_CALLS_PER_SECOND, paced / alone));
    if (size == SIZES.get(SIZES.size() - 1) && !KEEP) intakeWhileHistoryIsCleanedUp(size, alone);
  }

  /**
   * History cleanup at work beside intake: the clock moved 30 days on, so the engine history of the matters whose
   * removal time falls in those days is due (several nights of the window's work at once; the count is printed), and the
   * cleanup job run over and over, as the job executor runs it in its window, while the clerks post demands.
   */
  private void intakeWhileHistoryIsCleanedUp(long size, double alone) throws Exception {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30))));
    String dueHistory = "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE REMOVAL_TIME_ <= ?";
    long before = jdbc.queryForObject(dueHistory, Long.class, ClockUtil.getCurrentTime());
    try {
      String job = engine.getHistoryService().cleanUpHistoryAsync(true).getId();
      Runnable cleanup = () -> {
        Job due = engine.getManagementService().createJobQuery().jobId(job).singleResult();
        if (due != null && !due.getDuedate().after(ClockUtil.getCurrentTime())) engine.getManagementService().executeJob(job);
        else sleep(200);
      };
      double during = intake(size, "intake while history cleanup runs", List.of(cleanup), 1, 0);
      long left = jdbc.queryForObject(dueHistory, Long.class, ClockUtil.getCurrentTime());
      Figures.report(String.format("volume   size %,d: intake during history cleanup ÷ intake alone = %.2f; cleanup removed the history "
          + "of %,d process instances in %d s (%,d of those due were left)", size, during / alone, before - left, INTAKE_SECONDS, left));
    } finally {
      ClockUtil.reset();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Http.Response dashboard(Http supervisor) {
    // what dashboard.js asks on opening: the period (last 30 days), a page of its breaches, a page of the open ones,
    // due soon, the calendar warning, the notifications, and the six months of the trend chart (one call since
    // 2026-12-04; six summaries before)
    LocalDate today = LocalDate.now(CHINA);
    List<String> paths = new ArrayList<>(List.of("/api/sla/summary?from=" + enc(today.minusDays(30) + "T00:00:00+08:00") + "&to="
        + enc(today.plusDays(1) + "T00:00:00+08:00"), "/api/sla/breaches?limit=1000&from=" + enc(today.minusDays(30) + "T00:00:00+08:00"),
        "/api/sla/breaches?status=OPEN&limit=1000", "/api/sla/due-soon", "/api/calendar/years", "/api/notifications/count?upTo=100",
        "/api/notifications?limit=30", "/api/sla/trend?months=6"));
    List<java.util.concurrent.CompletableFuture<Http.Response>> answers = paths.stream()
        .map(p -> java.util.concurrent.CompletableFuture.supplyAsync(() -> supervisor.get(p), DASHBOARD)).toList();
    Http.Response worst = null;
    for (var answer : answers) {
      Http.Response r = answer.join();
      if (worst == null || r.status() != 200) worst = r;
    }
    return worst;
  }

  private static final ExecutorService DASHBOARD = Executors.newFixedThreadPool(6);

  /** A call of one kind, measured when run; quietly repeatable in the background while intake is measured. */
  private Runnable timed(long size, String label, Supplier<Http.Response> call) {
    return new Runnable() {
      boolean measured;

      @Override
      public void run() {
        if (measured) {
          call.get();
          return;
        }
        measured = true;
        for (int i = 0; i < 5; i++) call.get();
        long[] nanos = new long[CALLS];
        int n = 0;
        long deadline = System.nanoTime() + SECONDS_PER_KIND * 1_000_000_000L;
        int status = 200;
        long bytes = 0;
        for (; n < CALLS && System.nanoTime() < deadline; n++) {
          long t0 = System.nanoTime();
          Http.Response response = call.get();
          nanos[n] = System.nanoTime() - t0;
          if (response.status() != 200) status = response.status();
          bytes += response.body().length();
        }
        long[] taken = Arrays.copyOf(nanos, n);
        Figures.report(String.format("volume   size %,9d  %-50s p50 %7.1f ms, p95 %7.1f ms, p99 %7.1f ms (%d calls%s, %,d chars each)",
            size, label, Figures.percentileMillis(taken, 50), Figures.percentileMillis(taken, 95), Figures.percentileMillis(taken, 99), n,
            status == 200 ? "" : ", status " + status, bytes / Math.max(1, n)));
      }
    };
  }

  /**
   * Demands per second over {@link #INTAKE_SECONDS} at {@link #INTAKE_CLIENTS} clerks, with the calls looping beside them
   * if given: without a pause, or {@code callsPerSecond} of them in all (each reader starting its next call on a fixed
   * schedule, not after a fixed pause, so slow calls do not lower the pace).
   */
  private double intake(long size, String label, List<Runnable> background, int readerCount, double callsPerSecond)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong readerCalls = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(INTAKE_CLIENTS + 2);
    List<Future<?>> readers = new ArrayList<>();
    long interval = callsPerSecond > 0 ? (long) (readerCount * 1_000_000_000L / callsPerSecond) : 0;
    if (background != null) {
      for (int r = 0; r < readerCount; r++) {
        int offset = r;
        readers.add(pool.submit(() -> {
          long next = System.nanoTime() + offset * interval / readerCount;
          for (int i = offset; !stop.get(); i++) {
            if (interval > 0) {
              sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
              next += interval;
              if (stop.get()) break;
            }
            background.get(i % background.size()).run();
            readerCalls.incrementAndGet();
          }
        }));
      }
    }
    long started = System.nanoTime();
    Http clerk = new Http(port).as("clerk");
    List<Future<long[]>> clients = new ArrayList<>();
    long end = System.nanoTime() + INTAKE_SECONDS * 1_000_000_000L;
    for (int c = 0; c < INTAKE_CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        List<Long> nanos = new ArrayList<>();
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          Http.Response r = clerk.post("/api/demands", Demands.body());
          assertThat(r.status()).as(r.body()).isEqualTo(201);
          nanos.add(System.nanoTime() - t0);
        }
        return nanos.stream().mapToLong(Long::longValue).toArray();
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> client : clients) for (long n : client.get()) all.add(n);
    stop.set(true);
    for (Future<?> reader : readers) reader.get();
    pool.shutdown();
    long[] nanos = all.stream().mapToLong(Long::longValue).toArray();
    double rate = nanos.length / (double) INTAKE_SECONDS;
    Figures.report(String.format("volume   size %,9d  %-50s %6.1f demands/s, p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms (%d demands, %d clients)",
        size, label, rate, Figures.percentileMillis(nanos, 50), Figures.percentileMillis(nanos, 95), Figures.percentileMillis(nanos, 99),
        nanos.length, INTAKE_CLIENTS) + (background == null ? "" : String.format("; beside it %,d calls, %.1f a second",
            readerCalls.get(), readerCalls.get() / ((System.nanoTime() - started) / 1e9))));
    return rate;
  }

  private static String any(List<String> codes) {
    return codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
