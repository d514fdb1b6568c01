package cn.shangliang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two application processes on one MariaDB/MySQL database, started at the same moment on an empty
 * database (each schema, model and seed record must come out once), then driven the way a flaky network drives them:
 * {@value #CLIENTS_DEFAULT} clients send demands, each with its own {@code externalId}, and retry (on the
 * other node, after a refused connection, a 5xx, 409 or 429) until they get a 2xx. During the run node A
 * is killed with SIGKILL and restarted, later node B is stopped with SIGTERM (graceful) while requests are
 * in flight and restarted. Meanwhile reply reminders are made due a few seconds ahead, to measure the
 * timer lag under the intake load. Afterwards both nodes are stopped, every reply timer is made overdue
 * (time passing while the application is down) and both nodes are started: the backlog must drain, each
 * timer firing once.
 *
 * <p>Checked: accepted = distinct externalIds = demand rows = process instances, 0 lost, 0 duplicates;
 * every made-due timer fired exactly once (history and the demand's own events); no due job left,
 * no incident. Printed (lines starting with CLUSTER, also appended to target/bench/results.txt):
 * throughput, latency percentiles, retries by cause, timer lag, catch-up time, resident memory.
 *
 * <p>Runs in {@code mvn verify -Pmysql} (1,000 demands) against the jar the build just packaged; the full
 * size: {@code mvn verify -Pmysql -Dsurefire.skip=true -Dcluster.demands=10000}. See docs/RELIABILITY.md.
 */
@Tag("cluster")
class TwoNodeClusterIT {
  static final int CLIENTS_DEFAULT = 32;
  static final int DEMANDS = Integer.getInteger("cluster.demands", 1000);
  static final int CLIENTS = Integer.getInteger("cluster.clients", CLIENTS_DEFAULT);
  /** How long a node's job locks outlive it (the killed node's jobs wait this long for the other node). */
  static final long LOCK_MILLIS = Long.getLong("cluster.lockMillis", 20_000);
  static final String HEAP = System.getProperty("cluster.heap", "-Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m");
  static final String REMINDER = "BoundaryEvent_ReplyReminder";
  static final String OVERDUE = "BoundaryEvent_ReplyOverdue";
  static final ObjectMapper JSON = new ObjectMapper();

  final String runId = Long.toString(System.currentTimeMillis(), 36);
  final Path out = Path.of("target", "cluster");
  final String jdbcUrl = databaseUrl("shangliang_cluster");
  final String user = System.getProperty("spring.datasource.username", "root");
  final String password = System.getProperty("spring.datasource.password", "");
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final Node a = new Node("A", freePort());
  final Node b = new Node("B", freePort());
  final Node[] nodes = {a, b};

  // what the clients saw
  final Map<String, Long> acceptedIds = new ConcurrentHashMap<>();
  final AtomicInteger created = new AtomicInteger();
  final AtomicInteger answeredAgain = new AtomicInteger();
  final AtomicInteger resent = new AtomicInteger();
  final AtomicInteger resentSame = new AtomicInteger();
  final Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  final List<String> refusals = new ArrayList<>();
  // timers made due during the load: job id → the due time we gave it
  final Map<String, Timestamp> lagProbes = new ConcurrentHashMap<>();
  final Map<String, String> lagProbeInstances = new ConcurrentHashMap<>();
  final LongAccumulator maxRssKb = new LongAccumulator(Math::max, 0);
  // the faults: node A back (the clients' second half waits for it), node B while it stops gracefully
  final java.util.concurrent.CountDownLatch nodeABack = new java.util.concurrent.CountDownLatch(1);
  final AtomicLong heldBack = new AtomicLong();
  volatile Node stopping;
  final AtomicInteger stoppingAnswered = new AtomicInteger();
  final AtomicInteger stoppingRefused = new AtomicInteger();

  @AfterEach
  void stopNodes() {
    for (Node node : nodes) node.kill();
  }

  @Test
  void twoNodesLoseNothingAndFireEachTimerOnce() throws Exception {
    Files.createDirectories(out);
    try (Connection db = DriverManager.getConnection(databaseUrl(""), user, password); Statement s = db.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS shangliang_cluster");
      s.execute("CREATE DATABASE shangliang_cluster CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    // Both nodes start at once on the empty database: one creates the schemas, the models and the
    // seed records, the other waits for it (the start-up locks) and finds them in place.
    a.start();
    b.start();
    a.awaitUp(Duration.ofMinutes(4));
    b.awaitUp(Duration.ofMinutes(4));
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
      checkSetUpOnce(db);
    }
    report("cluster: %d demands, %d clients, nodes on ports %d and %d, job lock %d ms, node heap %s",
        DEMANDS, CLIENTS, a.port, b.port, LOCK_MILLIS, HEAP);

    ExecutorService background = Executors.newFixedThreadPool(3);
    AtomicInteger phase = new AtomicInteger(); // 0 load, 1 done
    Future<?> faults = background.submit(() -> injectFaults(phase));
    Future<?> probes = background.submit(() -> probeTimerLag(phase));
    Future<?> memory = background.submit(() -> sampleMemory(phase));

    long start = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      workers.add(clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < DEMANDS; i = next.getAndIncrement()) {
          // the second half waits for node A to be back: B's graceful stop must meet requests in flight
          if (i >= DEMANDS / 2) awaitNodeABack();
          submitUntilAccepted(i);
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) worker.get();
    double loadSeconds = (System.nanoTime() - start - heldBack.get()) / 1e9;
    clients.shutdown();
    phase.set(1);
    faults.get();
    probes.get();

    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    report("intake: %d accepted in %.1f s (not counting %.0f s held back for node A) = %.1f demands/s across both "
            + "nodes (%d created, %d answered again); "
            + "latency of accepted attempts p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; retries %s",
        acceptedIds.size(), loadSeconds, heldBack.get() / 1e9, acceptedIds.size() / loadSeconds, created.get(), answeredAgain.get(),
        pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), new TreeMap<>(retries));
    assertThat(refusals).as("requests refused for their content").isEmpty();
    report("sent again after acceptance: %d answered 200, %d of them with the demand first created", resent.get(), resentSame.get());
    assertThat(resentSame.get()).as("a repeated externalId answers with the first demand").isEqualTo(resent.get()).isPositive();

    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
      checkNothingLostNothingTwice(db);
      awaitNoDueJobs(db, Duration.ofMinutes(5)); // the lag probes, and jobs the killed node held
      reportTimerLag(db);

      // The application goes down; the reply deadlines pass meanwhile; it comes back.
      for (Node node : nodes) node.stopGracefully();
      int madeDue = makeReplyTimersOverdue(db);
      long restart = System.nanoTime();
      a.start();
      b.start();
      a.awaitUp(Duration.ofMinutes(4));
      b.awaitUp(Duration.ofMinutes(4));
      Duration drained = awaitNoDueJobs(db, Duration.ofMinutes(10));
      double catchUp = (System.nanoTime() - restart) / 1e9;
      report("catch-up: %d reply timers overdue at restart, all fired %.1f s after the start command "
          + "(%.1f s after both nodes were up)", madeDue, catchUp, drained.toMillis() / 1000.0);
      phase.set(2);
      memory.get();
      report("memory: largest resident set of a node %.0f MiB (heap %s)", maxRssKb.get() / 1024.0, HEAP);
      checkEachTimerOnce(db);
      checkNothingStuck(db);
    } finally {
      phase.set(2);
      background.shutdownNow();
    }
  }

  // --- the clients -------------------------------------------------------------------------------

  void submitUntilAccepted(int index) throws Exception {
    String externalId = "cluster-" + runId + "-" + index;
    Map<String, Object> body = Demands.with(Demands.body(), "externalId", externalId);
    // three in four are emergencies: they go straight to a department with a reply clock (two timers)
    if (index % 4 != 3) body = Demands.with(body, "urgency", "EMERGENCY");
    byte[] json = JSON.writeValueAsBytes(body);
    for (int attempt = 0; ; attempt++) {
      Node node = nodes[(index + attempt) % 2];
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/demands"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
      long t0 = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (stopping == node) stoppingRefused.incrementAndGet();
        retried("connection: " + e.getClass().getSimpleName());
        Thread.sleep(50 + ThreadLocalRandom.current().nextInt(100));
        continue;
      }
      int status = response.statusCode();
      if (stopping == node) stoppingAnswered.incrementAndGet();
      if (status == 200 || status == 201) {
        latencies.add(System.nanoTime() - t0);
        JsonNode demand = JSON.readTree(response.body());
        Long earlier = acceptedIds.putIfAbsent(externalId, demand.path("id").asLong());
        assertThat(earlier).as("%s answered twice by the client loop", externalId).isNull();
        (status == 201 ? created : answeredAgain).incrementAndGet();
        // one in ten: a client unsure of its answer sends again, to the other node: the same demand, nothing new
        if (index % 10 == 0) resendTo(nodes[(index + attempt + 1) % 2], request, externalId);
        return;
      }
      if (status >= 500 || status == 409 || status == 429) {
        retried("HTTP " + status);
        Thread.sleep(100 + ThreadLocalRandom.current().nextInt(200));
        continue;
      }
      synchronized (refusals) {
        refusals.add(externalId + " → " + status + " " + response.body());
      }
      return;
    }
  }

  void resendTo(Node node, HttpRequest first, String externalId) throws Exception {
    HttpRequest again = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/demands"))
        .timeout(Duration.ofSeconds(60)).POST(first.bodyPublisher().orElseThrow())
        .header("Content-Type", "application/json").header("Authorization", first.headers().firstValue("Authorization").orElseThrow())
        .build();
    try {
      HttpResponse<String> response = http.send(again, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 200) {
        resentSame.addAndGet(JSON.readTree(response.body()).path("id").asLong() == acceptedIds.get(externalId) ? 1 : 0);
        resent.incrementAndGet();
      } else if (response.statusCode() < 500 && response.statusCode() != 409 && response.statusCode() != 429) {
        synchronized (refusals) {
          refusals.add(externalId + " sent again → " + response.statusCode() + " " + response.body());
        }
      }
    } catch (IOException nodeDown) {
      // the node is being stopped: this extra send is not needed for the demand
    }
  }

  void retried(String cause) {
    retries.computeIfAbsent(cause, k -> new AtomicInteger()).incrementAndGet();
  }

  /**
   * kill -9 node A at a quarter of the demands and restart it (the clients hold the second half back until
   * it is up, however long a start takes on a small machine); then SIGTERM node B while requests are in
   * flight, and restart it.
   */
  Void injectFaults(AtomicInteger phase) throws Exception {
    try {
      while (acceptedIds.size() < DEMANDS / 4) Thread.sleep(50);
      a.kill();
      report("fault: node A killed (SIGKILL) after %d accepted demands", acceptedIds.size());
      Thread.sleep(3000);
      long down = System.nanoTime();
      a.start();
      a.awaitUp(Duration.ofMinutes(4));
      report("fault: node A back %.0f s after its start command, %d accepted demands", (System.nanoTime() - down) / 1e9,
          acceptedIds.size());
    } finally {
      nodeABack.countDown();
    }
    Thread.sleep(1000); // every client busy again
    int before = acceptedIds.size();
    int answeredBefore = stoppingAnswered.get();
    stopping = b;
    b.stopGracefully();
    stopping = null;
    report("fault: node B stopped gracefully (SIGTERM) after %d accepted demands; it answered %d requests while "
        + "stopping, %d got no answer from it and were retried", before, stoppingAnswered.get() - answeredBefore, stoppingRefused.get());
    b.start();
    b.awaitUp(Duration.ofMinutes(4));
    report("fault: node B back, %d accepted demands%s", acceptedIds.size(), phase.get() > 0 ? " (all of them)" : "");
    return null;
  }

  void awaitNodeABack() throws InterruptedException {
    if (nodeABack.getCount() > 0) {
      long t0 = System.nanoTime();
      nodeABack.await();
      heldBack.accumulateAndGet(System.nanoTime() - t0, Math::max);
    }
  }

  /** Every second, up to 5 reply reminders of the demands just taken in are made due 2 s ahead. */
  Void probeTimerLag(AtomicInteger phase) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
      while (phase.get() == 0) {
        Thread.sleep(1000);
        Timestamp due = new Timestamp(System.currentTimeMillis() / 1000 * 1000 + 2000);
        List<String[]> jobs = new ArrayList<>();
        try (PreparedStatement find = db.prepareStatement(
            "SELECT ID_, PROCESS_INSTANCE_ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'timer-transition' AND HANDLER_CFG_ = ? "
            + "AND DUEDATE_ > ? ORDER BY CREATE_TIME_ DESC LIMIT 5")) {
          find.setString(1, REMINDER);
          find.setTimestamp(2, new Timestamp(System.currentTimeMillis() + 3_600_000));
          try (ResultSet rs = find.executeQuery()) {
            while (rs.next()) jobs.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
        for (String[] job : jobs) {
          try (PreparedStatement update = db.prepareStatement(
              "UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ? AND LOCK_OWNER_ IS NULL")) {
            update.setTimestamp(1, due);
            update.setString(2, job[0]);
            if (update.executeUpdate() == 1) {
              lagProbes.put(job[0], due);
              lagProbeInstances.put(job[0], job[1]);
            }
          }
        }
      }
    }
    return null;
  }

  Void sampleMemory(AtomicInteger phase) throws Exception {
    while (phase.get() < 2) {
      for (Node node : nodes) maxRssKb.accumulate(node.residentKb());
      Thread.sleep(500);
    }
    return null;
  }

  // --- the checks --------------------------------------------------------------------------------

  void checkSetUpOnce(Connection db) throws SQLException {
    long deployments = count(db, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = 'shangliang'");
    long definitions = count(db, "SELECT COUNT(*) FROM ACT_RE_PROCDEF");
    long definitionKeys = count(db, "SELECT COUNT(DISTINCT KEY_) FROM ACT_RE_PROCDEF");
    long filters = count(db, "SELECT COUNT(*) FROM ACT_RU_FILTER");
    long filterNames = count(db, "SELECT COUNT(DISTINCT NAME_) FROM ACT_RU_FILTER");
    report("start: both nodes started at once on an empty database: %d deployment, %d process definitions "
        + "(%d keys), %d Tasklist filters (%d names)", deployments, definitions, definitionKeys, filters, filterNames);
    assertThat(deployments).as("deployments of the models").isEqualTo(1);
    assertThat(definitions).as("process definitions (one version each)").isEqualTo(definitionKeys).isPositive();
    assertThat(filters).as("Tasklist filters (each name once)").isEqualTo(filterNames).isPositive();
  }

  void checkNothingLostNothingTwice(Connection db) throws SQLException {
    String prefix = "cluster-" + runId + "-%";
    long rows = count(db, "SELECT COUNT(*) FROM demand WHERE external_id LIKE ?", prefix);
    long distinctKeys = count(db, "SELECT COUNT(DISTINCT external_id) FROM demand WHERE external_id LIKE ?", prefix);
    long withInstance = count(db, "SELECT COUNT(DISTINCT d.process_instance_id) FROM demand d "
        + "JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = d.process_instance_id WHERE d.external_id LIKE ?", prefix);
    long instances = count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'SixStepConsultationProcess'");
    long idsMatch = 0;
    try (PreparedStatement find = db.prepareStatement("SELECT external_id, id FROM demand WHERE external_id LIKE ?")) {
      find.setString(1, prefix);
      try (ResultSet rs = find.executeQuery()) {
        while (rs.next()) if (Long.valueOf(rs.getLong(2)).equals(acceptedIds.get(rs.getString(1)))) idsMatch++;
      }
    }
    report("records: accepted %d, distinct externalIds %d, demand rows %d, process instances %d (%d linked), "
        + "client's demand id = stored id for %d", acceptedIds.size(), distinctKeys, rows, instances, withInstance, idsMatch);
    assertThat(acceptedIds).hasSize(DEMANDS);
    assertThat(rows).as("demand rows").isEqualTo(DEMANDS);
    assertThat(distinctKeys).as("distinct externalIds stored").isEqualTo(DEMANDS);
    assertThat(withInstance).as("demands with their own process instance").isEqualTo(DEMANDS);
    assertThat(instances).as("consultation process instances").isEqualTo(DEMANDS);
    assertThat(idsMatch).as("the demand the client was told about is the one stored").isEqualTo(DEMANDS);
  }

  void reportTimerLag(Connection db) throws SQLException {
    List<Long> lags = new ArrayList<>();
    try (PreparedStatement fired = db.prepareStatement(
        "SELECT MIN(START_TIME_), COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND ACT_ID_ = ?")) {
      for (var probe : lagProbes.entrySet()) {
        fired.setString(1, lagProbeInstances.get(probe.getKey()));
        fired.setString(2, REMINDER);
        try (ResultSet rs = fired.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(2)).as("reminder of %s fired once", probe.getKey()).isEqualTo(1);
          lags.add(Math.max(0, rs.getTimestamp(1).getTime() - probe.getValue().getTime()));
        }
      }
    }
    long[] sorted = lags.stream().mapToLong(l -> l * 1_000_000).sorted().toArray();
    report("timer lag under load: %d reminders made due 2 s ahead while demands came in: fire − due p50 %.1f s, "
        + "p99 %.1f s, max %.1f s (timestamps in whole seconds)", lags.size(), pct(sorted, 50) / 1000,
        pct(sorted, 99) / 1000, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e9);
    assertThat(lags).as("reminders probed during the load").isNotEmpty();
  }

  /** The reply deadlines pass while the application is down: every reply timer is due a minute ago. */
  int makeReplyTimersOverdue(Connection db) throws SQLException {
    try (PreparedStatement update = db.prepareStatement(
        "UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE HANDLER_TYPE_ = 'timer-transition' AND HANDLER_CFG_ IN (?, ?)")) {
      update.setTimestamp(1, new Timestamp(System.currentTimeMillis() - 60_000));
      update.setString(2, REMINDER);
      update.setString(3, OVERDUE);
      return update.executeUpdate();
    }
  }

  Duration awaitNoDueJobs(Connection db, Duration limit) throws Exception {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (true) {
      // (history cleanup keeps its own schedule inside its nightly window)
      long due = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND RETRIES_ > 0 "
          + "AND HANDLER_TYPE_ <> 'history-cleanup'",
          new Timestamp(System.currentTimeMillis()));
      if (due == 0) return Duration.ofNanos(System.nanoTime() - start);
      assertThat(System.nanoTime()).as("%d jobs still due after %s", due, limit).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** Each emergency demand: its reminder and its breach fired exactly once, in the engine and in our records. */
  void checkEachTimerOnce(Connection db) throws SQLException {
    String prefix = "cluster-" + runId + "-%";
    long emergencies = count(db, "SELECT COUNT(*) FROM demand WHERE external_id LIKE ? AND urgency = 'EMERGENCY'", prefix);
    for (String activity : List.of(REMINDER, OVERDUE)) {
      long once = count(db, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? "
          + "GROUP BY PROC_INST_ID_ HAVING COUNT(*) = 1) x", activity);
      long twice = count(db, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? "
          + "GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) x", activity);
      assertThat(twice).as("%s fired more than once", activity).isZero();
      assertThat(once).as("%s fired once per emergency", activity).isEqualTo(emergencies);
    }
    for (String kind : List.of("REMINDED", "BREACHED")) {
      long once = count(db, "SELECT COUNT(*) FROM (SELECT e.demand_id FROM demand_event e JOIN demand d ON d.id = e.demand_id "
          + "WHERE d.external_id LIKE ? AND e.kind = '" + kind + "' GROUP BY e.demand_id HAVING COUNT(*) = 1) x", prefix);
      long more = count(db, "SELECT COUNT(*) FROM (SELECT e.demand_id FROM demand_event e JOIN demand d ON d.id = e.demand_id "
          + "WHERE d.external_id LIKE ? AND e.kind = '" + kind + "' GROUP BY e.demand_id HAVING COUNT(*) > 1) x", prefix);
      assertThat(more).as("demands with %s recorded twice", kind).isZero();
      assertThat(once).as("demands with %s recorded once", kind).isEqualTo(emergencies);
    }
    long breaches = count(db, "SELECT COUNT(*) FROM sla_breach b JOIN demand d ON d.id = b.demand_id WHERE d.external_id LIKE ?", prefix);
    assertThat(breaches).as("one breach per emergency").isEqualTo(emergencies);
    report("timers: %d emergencies, each reminder and each breach fired exactly once (engine history, demand "
        + "events, %d breach rows)", emergencies, breaches);
  }

  void checkNothingStuck(Connection db) throws SQLException {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    long expiredLocks = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ < ? AND LOCK_OWNER_ IS NOT NULL "
        + "AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND HANDLER_TYPE_ <> 'history-cleanup'", now, now);
    long incidents = count(db, "SELECT COUNT(*) FROM ACT_RU_INCIDENT");
    long failed = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ < 3 OR EXCEPTION_MSG_ IS NOT NULL");
    report("jobs: %d held past their lock, %d failed attempts left, %d incidents", expiredLocks, failed, incidents);
    assertThat(expiredLocks).as("jobs held past their lock time").isZero();
    assertThat(incidents).as("incidents").isZero();
  }

  // --- helpers ------------------------------------------------------------------------------------

  static long count(Connection db, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static double pct(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) return 0;
    int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
    return sortedNanos[Math.max(0, index)] / 1_000_000.0;
  }

  static void report(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println("CLUSTER " + line);
    try {
      Path file = Path.of("target/bench/results.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, OffsetDateTime.now() + " cluster " + line + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The test database's URL with another database name (empty: the server). */
  static String databaseUrl(String database) {
    String url = System.getProperty("spring.datasource.url",
        "jdbc:mysql://127.0.0.1:3306/shangliang_test?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true");
    return url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + database);
  }

  /**
   * A free port below the kernel's ephemeral range (32768 and up on Linux): a port from that range, free
   * while its node is down, can be taken meanwhile as the local end of an outgoing connection (a pool's
   * new connection to the database), and the node restarting on it would fail to bind.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (var socket = new java.net.ServerSocket()) {
        socket.bind(new java.net.InetSocketAddress(port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000");
  }

  /** One application process, started from the packaged jar. */
  final class Node {
    final String name;
    final int port;
    Process process;
    int starts;

    Node(String name, int port) {
      this.name = name;
      this.port = port;
    }

    void start() throws IOException {
      String jar = System.getProperty("cluster.jar");
      assertThat(jar).as("cluster.jar (the packaged application)").isNotNull();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(Arrays.asList(HEAP.split("\\s+")));
      command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-jar", jar,
          "--spring.profiles.active=mysql,demo", "--shangliang.demo.sample-data=false", "--server.port=" + port,
          "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
          "--spring.datasource.password=" + password,
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS, "--shangliang.rules-watch=false",
          "--logging.level.root=WARN", "--logging.level.cn.shangliang=INFO"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
      builder.environment().put("SHANGLIANG_NODE_ID", "node-" + name);
      process = builder.start();
      starts++;
    }

    void awaitUp(Duration limit) throws Exception {
      long deadline = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("node " + name + " died while starting (exit " + process.exitValue() + "); the end of "
              + log() + ":\n" + logTail(60));
        }
        try {
          HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200) return;
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      throw new AssertionError("node " + name + " not up within " + limit);
    }

    Path log() {
      return out.resolve("node-" + name + ".log");
    }

    /** The last lines of the node's log (its start-up failure), for the test report. */
    String logTail(int lines) {
      try {
        List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
      } catch (IOException | java.io.UncheckedIOException e) {
        return "(unreadable: " + e + ")";
      }
    }

    void kill() {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        waitFor();
      }
    }

    void stopGracefully() {
      if (process != null && process.isAlive()) {
        process.destroy(); // SIGTERM: Tomcat finishes the requests in flight (server.shutdown: graceful)
        waitFor();
      }
    }

    private void waitFor() {
      try {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    long residentKb() {
      Process p = process;
      if (p == null || !p.isAlive()) return 0;
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
          if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
      } catch (IOException | RuntimeException gone) {
        // the process ended between the check and the read
      }
      return 0;
    }
  }
}
