package cn.shangliang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.shangliang.cluster.ClusterDatabase.REMINDER;
import static cn.shangliang.cluster.ClusterDatabase.TIMER_HANDLER;
import static cn.shangliang.cluster.ClusterDatabase.awaitNoDueJobs;
import static cn.shangliang.cluster.ClusterDatabase.checkEachTimerOnce;
import static cn.shangliang.cluster.ClusterDatabase.checkNothingStuck;
import static cn.shangliang.cluster.ClusterDatabase.count;
import static cn.shangliang.cluster.ClusterDatabase.makeReplyTimersOverdue;

import cn.shangliang.support.Demands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
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
 * <p>Runs in {@code mvn verify -Pmysql} (600 demands) against the jar the build just packaged; the full
 * size: {@code mvn verify -Pmysql -Dsurefire.skip=true -Dcluster.demands=10000}. See docs/RELIABILITY.md.
 */
@Tag("cluster")
class TwoNodeClusterIT {
  static final int CLIENTS_DEFAULT = 32;
  static final int DEMANDS = Integer.getInteger("cluster.demands", 600);
  static final int CLIENTS = Integer.getInteger("cluster.clients", CLIENTS_DEFAULT);
  /** How long a node's job locks outlive it (the killed node's jobs wait this long for the other node). */
  static final long LOCK_MILLIS = Long.getLong("cluster.lockMillis", 20_000);
  static final String DATABASE = "shangliang_cluster";
  static final ObjectMapper JSON = new ObjectMapper();
  static final RunReport REPORT = new RunReport("cluster");

  final String runId = Long.toString(System.currentTimeMillis(), 36);
  final Path out = Path.of("target", "cluster");
  final AppNode a = new AppNode("A", ClusterDatabase.url(DATABASE), LOCK_MILLIS, out);
  final AppNode b = new AppNode("B", ClusterDatabase.url(DATABASE), LOCK_MILLIS, out);
  final AppNode[] nodes = {a, b};

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
  volatile AppNode stopping;
  final AtomicInteger stoppingAnswered = new AtomicInteger();
  final AtomicInteger stoppingRefused = new AtomicInteger();

  @AfterEach
  void stopNodes() {
    for (AppNode node : nodes) node.kill();
  }

  @Test
  void twoNodesLoseNothingAndFireEachTimerOnce() throws Exception {
    Files.createDirectories(out);
    ClusterDatabase.recreate(DATABASE);
    Path rules = CalendarCorrection.copyOfRules(out.resolve("rules-" + runId));
    a.withRules(rules);
    b.withRules(rules);
    // Both nodes start at once on the empty database: one creates the schemas, the models and the
    // seed records, the other waits for it (the start-up locks) and finds them in place.
    a.start();
    b.start();
    a.awaitUp(Duration.ofMinutes(4));
    b.awaitUp(Duration.ofMinutes(4));
    try (Connection db = ClusterDatabase.connect(DATABASE)) {
      checkSetUpOnce(db);
    }
    report("cluster: %d demands, %d clients, nodes on ports %d and %d, job lock %d ms, node heap %s",
        DEMANDS, CLIENTS, a.port, b.port, LOCK_MILLIS, AppNode.HEAP);

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

    try (Connection db = ClusterDatabase.connect(DATABASE)) {
      checkNothingLostNothingTwice(db);
      awaitNoDueJobs(db, Duration.ofMinutes(5)); // the lag probes, and jobs the killed node held
      reportTimerLag(db);
      new CalendarCorrection(rules, REPORT).correctAndWithdraw(db, a, b);

      // The application goes down; the reply deadlines pass meanwhile; it comes back.
      for (AppNode node : nodes) node.stopGracefully();
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
      report("memory: largest resident set of a node %.0f MiB (heap %s)", maxRssKb.get() / 1024.0, AppNode.HEAP);
      checkEachTimerOnce(db, "cluster-" + runId + "-%", REPORT);
      checkNothingStuck(db, REPORT);
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
      AppNode node = nodes[(index + attempt) % 2];
      long t0 = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = AppNode.HTTP.send(node.demandPost(json), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
        if (index % 10 == 0) resendTo(nodes[(index + attempt + 1) % 2], json, externalId);
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

  void resendTo(AppNode node, byte[] json, String externalId) throws Exception {
    try {
      HttpResponse<String> response = AppNode.HTTP.send(node.demandPost(json), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
    try (Connection db = ClusterDatabase.connect(DATABASE)) {
      while (phase.get() == 0) {
        Thread.sleep(1000);
        Timestamp due = new Timestamp(System.currentTimeMillis() / 1000 * 1000 + 2000);
        List<String[]> jobs = new ArrayList<>();
        try (PreparedStatement find = db.prepareStatement(
            "SELECT ID_, PROCESS_INSTANCE_ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = '" + TIMER_HANDLER + "' AND HANDLER_CFG_ = ? "
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
      for (AppNode node : nodes) maxRssKb.accumulate(node.residentKb());
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

  // --- helpers ------------------------------------------------------------------------------------

  static double pct(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) return 0;
    int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
    return sortedNanos[Math.max(0, index)] / 1_000_000.0;
  }

  static void report(String format, Object... args) {
    REPORT.line(format, args);
  }
}
