package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.RowGate;
import cn.shangliang.support.Steps;
import cn.shangliang.support.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Races with one winner (issue #8), each forced into its worst interleaving by a {@link RowGate}: both
 * contenders have read and wait to write the same row when the gate opens. The loser gets 409 (or the
 * first answer again, for a repeated intake), never a 500, and nothing half-written stays behind.
 * Runs on H2 and, under {@code -Pmysql}, on MariaDB/MySQL, where the gate watches InnoDB's lock waits.
 */
@PlatformTest
class ConcurrencyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired VillageAssignments villages;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    threads.shutdownNow();
    ClockUtil.reset();
  }

  Http as(String user) {
    return new Http(port).as(user);
  }

  /** Runs both contenders while the gate holds, opens it once both wait, returns their outcomes in order. */
  <A, B> Object[] race(RowGate gate, Callable<A> first, Callable<B> second) throws Exception {
    if (gate == null) { // both at once, no forced order
      Future<A> a = threads.submit(first);
      Future<B> b = threads.submit(second);
      return new Object[] {outcome(a), outcome(b)};
    }
    try (gate) {
      Future<A> a = threads.submit(first);
      Future<B> b = threads.submit(second);
      gate.awaitWaiting(2);
      gate.release();
      return new Object[] {outcome(a), outcome(b)};
    }
  }

  static Object outcome(Future<?> future) throws InterruptedException {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("a contender never finished", e);
    }
  }

  static int status(Object outcome) {
    return ((Http.Response) outcome).status();
  }

  String emergency(String category) {
    return as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", "EMERGENCY"), "category", category))
        .json().get("trackingCode").asText();
  }

  static String variables(Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type",
        value instanceof Long ? "Long" : value instanceof Integer ? "Integer" : value instanceof Boolean ? "Boolean" : "String")));
    return JSON.writeValueAsString(Map.of("variables", variables));
  }

  Http.Response complete(String user, String taskId, Map<String, Object> values) throws Exception {
    return as(user).post("/engine-rest/task/" + taskId + "/complete", variables(values));
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void theSameTaskCompletedTwice_oneCompletion_theOtherGets409() throws Exception {
    String code = emergency("WATER");
    Steps steps = new Steps(engine, code);
    String task = steps.task("UserTask_DepartmentReply").getId();
    Map<String, Object> reply = Map.of("resultText", "已组织抢修，险情已排除。");

    Object[] outcomes = race(RowGate.hold(dataSource, "select ID_ from ACT_RU_TASK where ID_ = ? for update", task),
        () -> complete("water", task, reply), () -> complete("water", task, reply));

    assertThat(List.of(status(outcomes[0]), status(outcomes[1]))).containsExactlyInAnyOrder(204, 409);
    Http.Response loser = (Http.Response) (status(outcomes[0]) == 409 ? outcomes[0] : outcomes[1]);
    assertThat(loser.json().get("type").asText()).isEqualTo("OptimisticLockingException");
    long demand = count("select id from demand where tracking_code = ?", code);
    assertThat(count("select count(*) from department_reply where demand_id = ?", demand)).isOne();
    assertThat(steps.openTasks()).containsExactly("UserTask_ReviewReply");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task).finished().count()).isOne();
  }

  @Test
  void aReplyAgainstItsBreachTimer_oneWinsOrTheyFollowEachOther_andTheRecordsAgree() throws Exception {
    TestClock.at("2026-11-23T09:00:00+08:00");
    String code = emergency("WATER");
    Steps steps = new Steps(engine, code);
    TestClock.at("2026-11-24T03:01:00+08:00"); // 18 of 24 hours: the reminder first
    steps.fireDueTimers();
    TestClock.at("2026-11-24T09:01:00+08:00");
    String instance = steps.task("UserTask_DepartmentReply").getProcessInstanceId();
    String clock = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance).singleResult().getId();
    Job breach = engine.getManagementService().createJobQuery().processInstanceId(clock).timers().executable().singleResult();
    String task = steps.task("UserTask_DepartmentReply").getId();
    Map<String, Object> reply = Map.of("resultText", "已处置完毕。");

    Object[] outcomes = race(RowGate.hold(dataSource, "select ID_ from ACT_RU_JOB where ID_ = ? for update", breach.getId()),
        () -> complete("water", task, reply), () -> {
          engine.getManagementService().executeJob(breach.getId());
          return "fired";
        });

    long demand = count("select id from demand where tracking_code = ?", code);
    boolean replyWon = outcomes[0] instanceof Http.Response r && r.status() == 204;
    boolean timerWon = "fired".equals(outcomes[1]);
    assertThat(replyWon || timerWon).as("at least one goes through: " + outcomes[0] + " / " + outcomes[1]).isTrue();
    if (replyWon && timerWon) {
      // both count on the same supervisors' day row (sla_daily), whose lock puts them in order: the breach first,
      // then the reply, which reads the breach after it and closes it; nothing is lost and the records say so
      assertThat(count("select count(*) from sla_breach where demand_id = ? and closed_at is not null", demand)).isOne();
      assertThat(count("select count(*) from sla_breach where demand_id = ? and closed_at is null", demand)).isZero();
      assertThat(steps.openTasks()).containsExactly("UserTask_ReviewReply");
    } else if (replyWon) {
      assertThat(outcomes[1]).isInstanceOf(OptimisticLockingException.class);
      assertThat(count("select count(*) from sla_breach where demand_id = ?", demand)).as("no breach for a reply in time").isZero();
      assertThat(steps.openTasks()).containsExactly("UserTask_ReviewReply");
    } else {
      assertThat(status(outcomes[0])).isEqualTo(409);
      assertThat(count("select count(*) from sla_breach where demand_id = ? and closed_at is null", demand)).isOne();
      assertThat(steps.openTasks()).containsExactlyInAnyOrder("UserTask_DepartmentReply", "UserTask_Supervise");
      assertThat(complete("water", task, reply).status()).as("the department sends it again").isEqualTo(204);
      assertThat(count("select count(*) from sla_breach where demand_id = ? and closed_at is not null", demand)).isOne();
    }
    assertThat(count("select count(*) from department_reply where demand_id = ?", demand)).isOne();
  }

  @Test
  void twoIntakesWithOneExternalId_oneDemand_bothAnswerIt() throws Exception {
    String externalId = "hotline-" + java.util.UUID.randomUUID();
    Map<String, Object> body = Demands.with(Demands.body(), "externalId", externalId);
    // the gate's own uncommitted row holds the key: both requests pass the "seen before?" check, then both insert
    // and wait on the unique key. Embedded H2 answers such a wait with a table lock timeout instead of waiting for
    // the row, so there the two only start together.
    boolean h2 = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
        c.getMetaData().getDatabaseProductName().startsWith("H2")));
    RowGate gate = h2 ? null : RowGate.hold(dataSource, "insert into demand (id, idempotency_key, channel, title, description, category, scope, "
        + "urgency, township, village, answerable_on_site, needs_policy_change, departments_involved, affected_people, status, "
        + "created_at, created_by, updated_at, version) values (-1, ?, 'HOTLINE', 'gate', 'gate', 'OTHER', 'VILLAGE', 'NORMAL', "
        + "'gate', 'gate', false, false, 1, 0, 'REGISTERED', current_timestamp, 'gate', current_timestamp, 0)", externalId);

    Object[] outcomes = race(gate, () -> as("clerk").post("/api/demands", body), () -> as("clerk").post("/api/demands", body));

    assertThat(List.of(status(outcomes[0]), status(outcomes[1]))).as(outcomes[0] + " / " + outcomes[1]).containsExactlyInAnyOrder(201, 200);
    String first = ((Http.Response) outcomes[0]).json().get("trackingCode").asText();
    assertThat(((Http.Response) outcomes[1]).json().get("trackingCode").asText()).isEqualTo(first);
    assertThat(count("select count(*) from demand where external_id = ?", externalId)).isOne();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(first).count()).isOne();
  }

  String atInvestigation() {
    Map<String, Object> body = Demands.body();
    villages.assign("中峰镇", (String) body.get("village"), "member1", "admin");
    return as("clerk").post("/api/demands", body).json().get("trackingCode").asText();
  }

  @Test
  void aMergeWhileTheInvestigationIsEvaluated_oneWins_nothingHalfDone() throws Exception {
    String demand = atInvestigation();
    String into = atInvestigation();
    Steps steps = new Steps(engine, demand);
    var investigate = steps.task("UserTask_Investigate");

    Object[] outcomes = race(RowGate.hold(dataSource, "select ID_ from ACT_RU_EXECUTION where ID_ = ? for update",
            investigate.getProcessInstanceId()),
        () -> as("clerk").post("/api/demands/" + demand + "/merge", Map.of("into", into)),
        () -> complete("member1", investigate.getId(), Steps.investigation()));

    int merge = status(outcomes[0]);
    int evaluation = status(outcomes[1]);
    String status = jdbc.queryForObject("select status from demand where tracking_code = ?", String.class, demand);
    long merged = count("select count(*) from demand_event e join demand d on d.id = e.demand_id where d.tracking_code = ? and e.kind = 'MERGED'",
        demand);
    long running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(demand).count();
    if (merge == 200) {
      assertThat(evaluation).as(outcomes[1].toString()).isIn(404, 409);
      assertThat(status).isEqualTo("MERGED");
      assertThat(merged).isOne();
      assertThat(running).isZero();
    } else {
      assertThat(merge).as(outcomes[0].toString()).isEqualTo(409);
      assertThat(evaluation).isEqualTo(204);
      assertThat(status).isNotEqualTo("MERGED");
      assertThat(merged).isZero();
      assertThat(running).isPositive();
      assertThat(steps.openTasks()).doesNotContain("UserTask_Investigate");
    }
  }

  @Test
  void twoDemandsMergedIntoEachOther_atOnce_oneMerge_neverACycle() throws Exception {
    String a = atInvestigation();
    String b = atInvestigation();

    Object[] outcomes = race(RowGate.hold(dataSource, "select id from demand where tracking_code = ? for update", a),
        () -> as("clerk").post("/api/demands/" + a + "/merge", Map.of("into", b)),
        () -> as("clerk").post("/api/demands/" + b + "/merge", Map.of("into", a)));

    assertThat(List.of(status(outcomes[0]), status(outcomes[1]))).as(outcomes[0] + " / " + outcomes[1]).containsExactlyInAnyOrder(200, 409);
    List<String> mergedStatus = new ArrayList<>();
    for (String code : List.of(a, b)) {
      mergedStatus.add(jdbc.queryForObject("select status from demand where tracking_code = ?", String.class, code));
    }
    assertThat(mergedStatus).containsOnlyOnce("MERGED");
  }
}
