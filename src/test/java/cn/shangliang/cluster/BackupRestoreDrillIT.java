package cn.shangliang.cluster;

import static cn.shangliang.cluster.ClusterDatabase.OVERDUE;
import static cn.shangliang.cluster.ClusterDatabase.REMINDER;
import static cn.shangliang.cluster.ClusterDatabase.TIMER_HANDLER;
import static cn.shangliang.cluster.ClusterDatabase.awaitNoDueJobs;
import static cn.shangliang.cluster.ClusterDatabase.checkEachTimerOnce;
import static cn.shangliang.cluster.ClusterDatabase.checkNothingStuck;
import static cn.shangliang.cluster.ClusterDatabase.count;
import static cn.shangliang.cluster.ClusterDatabase.makeReplyTimersOverdue;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The backup/restore drill of docs/OPERATIONS.md, with its commands as written there: a node of the packaged
 * application takes demands from {@value #CLIENTS_DEFAULT} clients while {@code mariadb-dump --single-transaction}
 * dumps its database; the dump is restored into a new database with the {@code mariadb} client, the reply
 * deadlines pass (every reply timer made overdue, as in {@link TwoNodeClusterIT}) and a node is started on the
 * restored database.
 *
 * <p>Checked, against what each client was answered and when: every demand accepted (201) before the dump began is
 * restored, with the id and tracking code the client was given and its title to the byte (a 4-byte character in
 * it); none sent after the dump ended is; those in flight during the dump may be either. Every restored demand is
 * whole — its routing, its running process instance with an open task, and for an emergency its reply clock and
 * both reply timers — and no process instance or timer is restored without its demand (the dump is one
 * consistent snapshot). On the restored node each overdue timer fires exactly once (engine history, demand
 * events, breach rows), nothing is stuck, no incident; the API shows a restored matter with what its timers did;
 * new intake works there, its ids and tracking codes past every restored one.
 *
 * <p>Databases {@value #SOURCE} and {@value #RESTORED} (dropped and created by the test, dropped after a passing
 * run; a failing run leaves them for a look); the dump and the nodes' logs in target/drill/. Figures are printed
 * as lines starting with DRILL and appended to target/bench/results.txt. Needs {@code mariadb-dump} and
 * {@code mariadb} on the PATH ({@code -Ddrill.dump=mysqldump -Ddrill.client=mysql} for MySQL's).
 */
@Tag("drill")
class BackupRestoreDrillIT {
  static final String SOURCE = "shangliang_drill_src";
  static final String RESTORED = "shangliang_drill_restored";
  static final int CLIENTS_DEFAULT = 8;
  static final int CLIENTS = Integer.getInteger("drill.clients", CLIENTS_DEFAULT);
  /** Demands accepted before the dump starts, and sent after it has finished. */
  static final int BEFORE_DUMP = Integer.getInteger("drill.before", 150);
  static final int AFTER_DUMP = Integer.getInteger("drill.after", 30);
  static final int NEW_INTAKE = 20;
  static final String DUMP_PROGRAM = System.getProperty("drill.dump", "mariadb-dump");
  static final String CLIENT_PROGRAM = System.getProperty("drill.client", "mariadb");
  static final long LOCK_MILLIS = 20_000;
  static final Duration START_LIMIT = Duration.ofMinutes(4);
  static final ObjectMapper JSON = new ObjectMapper();
  static final RunReport REPORT = new RunReport("drill");

  /** What a client sent and was answered: times from {@link System#nanoTime()}. */
  record Accepted(String externalId, String title, boolean emergency, long firstSent, long answered, long id,
      String trackingCode, String processInstanceId) {}

  /** A dump file and when its command started and ended. */
  record Dump(Path file, long started, long finished) {}

  /** A demand as the restored database holds it. */
  record Restored(long id, String trackingCode, String title, String processInstanceId) {}

  final String runId = Long.toString(System.currentTimeMillis(), 36);
  final Path out = Path.of("target", "drill");
  final AppNode source = new AppNode("source", ClusterDatabase.url(SOURCE), LOCK_MILLIS, out);
  final AppNode restoredNode = new AppNode("restored", ClusterDatabase.url(RESTORED), LOCK_MILLIS, out);
  final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
  final AtomicInteger sentAfterDump = new AtomicInteger();
  volatile long dumpFinished = Long.MAX_VALUE;

  @AfterEach
  void stopNodes() {
    source.kill();
    restoredNode.kill();
  }

  @Test
  void aDumpTakenDuringIntakeRestoresEveryAcceptedDemandWholeAndEachTimerFiresOnce() throws Exception {
    long begin = System.nanoTime();
    Files.createDirectories(out);
    ClusterDatabase.recreate(SOURCE);
    ClusterDatabase.drop(RESTORED);
    source.start();
    source.awaitUp(START_LIMIT);
    REPORT.line("source: node up on %s after %.1f s; %d clients, %d demands before the dump, %d sent after it",
        SOURCE, seconds(begin), CLIENTS, BEFORE_DUMP, AFTER_DUMP);

    Dump dump = dumpWhileIntakeRuns();
    source.stopGracefully();
    long restoreStart = System.nanoTime();
    restore(dump.file());
    REPORT.line("restore: %s into %s in %.1f s", dump.file(), RESTORED, seconds(restoreStart));

    Map<String, Restored> restored;
    int emergencies;
    try (Connection db = ClusterDatabase.connect(RESTORED)) {
      restored = restoredDemands(db);
      checkAcceptedUpToTheDump(dump, restored);
      checkEachRestoredDemandWhole(db);
      emergencies = (int) restored.keySet().stream().filter(id -> accepted.get(id).emergency()).count();
      int madeDue = makeReplyTimersOverdue(db);
      assertThat(madeDue).as("reply timers restored (a reminder and a breach per emergency)").isEqualTo(2 * emergencies);
      REPORT.line("deadlines passed while down: %d reply timers of %d emergencies made overdue", madeDue, emergencies);
    }

    long restart = System.nanoTime();
    restoredNode.start();
    restoredNode.awaitUp(START_LIMIT);
    double up = seconds(restart);
    try (Connection db = ClusterDatabase.connect(RESTORED)) {
      awaitNoDueJobs(db, Duration.ofMinutes(5));
      REPORT.line("restored node: up after %.1f s, every due timer fired %.1f s after its start command", up, seconds(restart));
      checkEachTimerOnce(db, "drill-" + runId + "-%", REPORT);
      checkNothingStuck(db, REPORT);
      checkReadThroughTheApi(restored);
      checkNewIntake(db, restored);
    }
    ClusterDatabase.drop(SOURCE);
    ClusterDatabase.drop(RESTORED);
    REPORT.line("drill: %.0f s in all", seconds(begin));
  }

  // --- backup and restore, with the commands of docs/OPERATIONS.md ---------------------------------

  /**
   * Clients send demands; once {@link #BEFORE_DUMP} are accepted the dump is taken while they go on, and they
   * stop when {@link #AFTER_DUMP} more were sent after it ended.
   */
  Dump dumpWhileIntakeRuns() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      workers.add(clients.submit(() -> {
        while (sentAfterDump.get() < AFTER_DUMP) submit(source, "drill-" + runId + "-", next.getAndIncrement());
        return null;
      }));
    }
    try {
      while (accepted.size() < BEFORE_DUMP) {
        for (Future<?> worker : workers) if (worker.isDone()) worker.get(); // a client's failure ends the wait
        Thread.sleep(20);
      }
      Dump dump = dump();
      for (Future<?> worker : workers) worker.get(3, TimeUnit.MINUTES);
      REPORT.line("intake: %d demands accepted in %.1f s; dump of %s (%d KiB) took %.1f s while intake ran",
          accepted.size(), seconds(start), SOURCE, Files.size(dump.file()) / 1024, (dump.finished() - dump.started()) / 1e9);
      return dump;
    } finally {
      clients.shutdownNow();
    }
  }

  Dump dump() throws Exception {
    Path file = out.resolve(SOURCE + ".sql");
    List<String> command = new ArrayList<>(List.of(DUMP_PROGRAM, "--single-transaction", "--quick", "--routines",
        "--triggers", "--hex-blob"));
    command.addAll(connectionOptions());
    command.add(SOURCE);
    long started = System.nanoTime();
    run(new ProcessBuilder(command).redirectOutput(file.toFile()));
    long finished = System.nanoTime();
    dumpFinished = finished;
    return new Dump(file, started, finished);
  }

  void restore(Path file) throws Exception {
    List<String> create = new ArrayList<>(List.of(CLIENT_PROGRAM));
    create.addAll(connectionOptions());
    create.addAll(List.of("-e", "CREATE DATABASE " + RESTORED + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
    run(new ProcessBuilder(create));
    List<String> load = new ArrayList<>(List.of(CLIENT_PROGRAM));
    load.addAll(connectionOptions());
    load.add(RESTORED);
    run(new ProcessBuilder(load).redirectInput(file.toFile()));
    List<String> skip = new ArrayList<>(List.of(CLIENT_PROGRAM));
    skip.addAll(connectionOptions());
    skip.addAll(List.of(RESTORED, "-e", SKIP_LOST_NUMBERS));
    run(new ProcessBuilder(skip));
  }

  /** The guide's third restore step: numbers the source gave out after the dump are never given out again. */
  static final String SKIP_LOST_NUMBERS = "UPDATE sl_sequence SET next_val = next_val + 100000 WHERE seq_name = 'demand'";

  /** {@code -h <host> [-P <port>] -u <user>} of the test database; a password goes through the environment. */
  static List<String> connectionOptions() {
    Matcher server = Pattern.compile("jdbc:mysql://([^:/]+)(?::(\\d+))?/").matcher(ClusterDatabase.url(""));
    assertThat(server.lookingAt()).as("a jdbc:mysql://host[:port]/ URL: %s", ClusterDatabase.url("")).isTrue();
    List<String> options = new ArrayList<>(List.of("-h", server.group(1)));
    if (server.group(2) != null && !server.group(2).equals("3306")) options.addAll(List.of("-P", server.group(2)));
    options.addAll(List.of("-u", ClusterDatabase.USER));
    return options;
  }

  void run(ProcessBuilder command) throws Exception {
    Path errors = out.resolve("command.err");
    if (!ClusterDatabase.PASSWORD.isEmpty()) command.environment().put("MYSQL_PWD", ClusterDatabase.PASSWORD);
    Process process = command.redirectError(errors.toFile()).start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s ended", command.command()).isTrue();
    assertThat(process.exitValue()).as("exit of %s: %s", command.command(), Files.readString(errors)).isZero();
  }

  // --- the clients -------------------------------------------------------------------------------

  /** Sends one demand until accepted (a 409 or 5xx is retried with the same externalId) and records the answer. */
  Accepted submit(AppNode node, String prefix, int index) throws Exception {
    String externalId = prefix + index;
    Map<String, Object> body = Demands.with(Demands.body(), "externalId", externalId);
    // 𠮷 is outside the Basic Multilingual Plane: 4 bytes in UTF-8, lost by a dump or restore in utf8mb3
    String title = "𠮷" + body.get("title");
    body = Demands.with(body, "title", title);
    // three in four are emergencies: they go straight to a department with a reply clock (two timers)
    boolean emergency = index % 4 != 3;
    if (emergency) body = Demands.with(body, "urgency", "EMERGENCY");
    byte[] json = JSON.writeValueAsBytes(body);
    long firstSent = System.nanoTime();
    if (firstSent > dumpFinished) sentAfterDump.incrementAndGet();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = AppNode.HTTP.send(node.demandPost(json), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 201 || response.statusCode() == 200) {
        JsonNode created = JSON.readTree(response.body());
        Accepted answer = new Accepted(externalId, title, emergency, firstSent, System.nanoTime(), created.path("id").asLong(),
            created.path("trackingCode").asText(), created.path("processInstanceId").asText());
        assertThat(accepted.putIfAbsent(externalId, answer)).as("%s accepted twice", externalId).isNull();
        return answer;
      }
      boolean retry = response.statusCode() == 409 || response.statusCode() >= 500;
      assertThat(retry && attempt < 10).as("%s → %d %s", externalId, response.statusCode(), response.body()).isTrue();
      Thread.sleep(200);
    }
  }

  // --- the checks --------------------------------------------------------------------------------

  Map<String, Restored> restoredDemands(Connection db) throws SQLException {
    Map<String, Restored> rows = new HashMap<>();
    try (PreparedStatement find = db.prepareStatement(
        "SELECT external_id, id, tracking_code, title, process_instance_id FROM demand WHERE external_id LIKE ?")) {
      find.setString(1, "drill-" + runId + "-%");
      try (ResultSet rs = find.executeQuery()) {
        while (rs.next()) rows.put(rs.getString(1), new Restored(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    }
    return rows;
  }

  /**
   * Accepted before the dump began: restored, as the client was told. Sent after it ended: absent. In flight
   * meanwhile: either. Nothing restored that no client was answered.
   */
  void checkAcceptedUpToTheDump(Dump dump, Map<String, Restored> restored) {
    int before = 0;
    int during = 0;
    int duringRestored = 0;
    int after = 0;
    for (Accepted demand : accepted.values()) {
      Restored row = restored.get(demand.externalId());
      if (demand.answered() < dump.started()) {
        before++;
        assertThat(row).as("%s, accepted before the dump began, restored", demand.externalId()).isNotNull();
      } else if (demand.firstSent() > dump.finished()) {
        after++;
        assertThat(row).as("%s, sent after the dump ended, not in it", demand.externalId()).isNull();
      } else {
        during++;
        if (row != null) duringRestored++;
      }
      if (row != null) {
        assertThat(row).as("%s restored as the client was answered", demand.externalId())
            .isEqualTo(new Restored(demand.id(), demand.trackingCode(), demand.title(), demand.processInstanceId()));
      }
    }
    assertThat(accepted.keySet()).as("demands restored that no client was answered").containsAll(restored.keySet());
    REPORT.line("snapshot: %d accepted before the dump began, all restored; %d in flight during the dump, %d of them "
        + "restored; %d sent after it ended, none restored", before, during, duringRestored, after);
    assertThat(before).as("accepted before the dump").isGreaterThanOrEqualTo(BEFORE_DUMP);
    assertThat(during).as("demands in flight while the dump was taken").isPositive();
    assertThat(after).as("sent after the dump").isGreaterThanOrEqualTo(AFTER_DUMP);
  }

  /** Every restored demand whole, and no part of a matter restored without its demand. */
  void checkEachRestoredDemandWhole(Connection db) throws SQLException {
    String ours = "d.external_id LIKE '" + "drill-" + runId + "-%'";
    Map<String, String> incomplete = Map.of(
        "no routing decision", "SELECT d.external_id FROM demand d WHERE " + ours
            + " AND NOT EXISTS (SELECT 1 FROM routing_decision r WHERE r.demand_id = d.id)",
        "no running process instance", "SELECT d.external_id FROM demand d WHERE " + ours
            + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = d.process_instance_id)",
        "no open task in its process", "SELECT d.external_id FROM demand d WHERE " + ours
            + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
            + " WHERE e.ROOT_PROC_INST_ID_ = d.process_instance_id)",
        "an emergency without one reply clock", "SELECT d.external_id FROM demand d WHERE " + ours
            + " AND d.urgency = 'EMERGENCY' AND (SELECT COUNT(*) FROM reply_clock c WHERE c.demand_id = d.id) <> 1",
        "an emergency without its two reply timers", "SELECT d.external_id FROM demand d WHERE " + ours
            + " AND d.urgency = 'EMERGENCY' AND (SELECT COUNT(*) FROM ACT_RU_JOB j WHERE j.ROOT_PROC_INST_ID_ = d.process_instance_id"
            + " AND j.HANDLER_TYPE_ = '" + TIMER_HANDLER + "' AND j.HANDLER_CFG_ IN ('" + REMINDER + "', '" + OVERDUE + "')) <> 2",
        "a consultation process without its demand", "SELECT p.BUSINESS_KEY_ FROM ACT_HI_PROCINST p"
            + " WHERE p.PROC_DEF_KEY_ = 'SixStepConsultationProcess'"
            + " AND NOT EXISTS (SELECT 1 FROM demand d WHERE d.process_instance_id = p.PROC_INST_ID_)",
        "a job without its demand", "SELECT j.ID_ FROM ACT_RU_JOB j WHERE j.ROOT_PROC_INST_ID_ IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM demand d WHERE d.process_instance_id = j.ROOT_PROC_INST_ID_)");
    for (var check : incomplete.entrySet()) {
      assertThat(list(db, check.getValue())).as("restored with %s", check.getKey()).isEmpty();
    }
    REPORT.line("whole: each restored demand with its routing, running process, open task, and for an emergency its "
        + "reply clock and two timers; no process or job without its demand");
  }

  /** The last emergency restored, as the restored node shows it to staff: its title, and its history with the timers'. */
  void checkReadThroughTheApi(Map<String, Restored> restored) throws Exception {
    Restored last = restored.entrySet().stream().filter(e -> accepted.get(e.getKey()).emergency()).map(Map.Entry::getValue)
        .max(Comparator.comparingLong(Restored::id)).orElseThrow();
    HttpResponse<String> response = AppNode.HTTP.send(restoredNode.get("/api/demands/" + last.trackingCode()),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as("GET /api/demands/%s on the restored node: %s", last.trackingCode(), response.body())
        .isEqualTo(200);
    JsonNode view = JSON.readTree(response.body());
    List<String> kinds = new ArrayList<>();
    view.path("history").forEach(entry -> kinds.add(entry.path("kind").asText()));
    assertThat(view.path("title").asText()).isEqualTo(last.title());
    assertThat(kinds).as("history").contains("COLLECTED", "REMINDED", "BREACHED");
    REPORT.line("read back: %s as staff see it on the restored node: its title, history %s", last.trackingCode(), kinds);
  }

  /** New demands on the restored node: accepted, with ids and tracking codes past every restored one, each with its process. */
  void checkNewIntake(Connection db, Map<String, Restored> restored) throws Exception {
    long lastRestoredId = restored.values().stream().mapToLong(Restored::id).max().orElseThrow();
    List<Accepted> fresh = new ArrayList<>();
    for (int i = 0; i < NEW_INTAKE; i++) fresh.add(submit(restoredNode, "restored-" + runId + "-", i));
    List<String> restoredCodes = restored.values().stream().map(Restored::trackingCode).toList();
    for (Accepted demand : fresh) {
      assertThat(demand.id()).as("new demand's id").isGreaterThan(lastRestoredId);
      assertThat(restoredCodes).as("restored tracking codes").doesNotContain(demand.trackingCode());
    }
    long running = count(db, "SELECT COUNT(*) FROM demand d JOIN ACT_RU_EXECUTION e ON e.ID_ = d.process_instance_id "
        + "WHERE d.external_id LIKE ?", "restored-" + runId + "-%");
    assertThat(running).as("new demands with a running process instance").isEqualTo(NEW_INTAKE);
    // what the source gave out after the dump is lost with it; the restore skips past those numbers
    List<String> lostCodes = accepted.values().stream().filter(a -> !restored.containsKey(a.externalId()))
        .filter(a -> a.externalId().startsWith("drill-")).map(Accepted::trackingCode).toList();
    long reissued = fresh.stream().map(Accepted::trackingCode).filter(lostCodes::contains).count();
    assertThat(reissued).as("tracking codes the source gave out after the dump, handed out again").isZero();
    REPORT.line("new intake on the restored node: %d accepted, ids from %d (past the last restored, %d), each with its process; "
        + "%d of their tracking codes had been given out by the source after the dump",
        fresh.size(), fresh.stream().mapToLong(Accepted::id).min().orElseThrow(), lastRestoredId, reissued);
  }

  static List<String> list(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
      while (rs.next()) values.add(rs.getString(1));
    }
    return values;
  }

  static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
