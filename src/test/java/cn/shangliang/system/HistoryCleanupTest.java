package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.proposal.FollowUpReviewProcess;
import cn.shangliang.proposal.ProposalProcess;
import cn.shangliang.routing.Category;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.ProposalWalk;
import cn.shangliang.support.Steps;
import cn.shangliang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's history cleanup (application.yaml: removal time = end of the demand's root process + its model's
 * historyTimeToLive) removes an ended demand's whole process hierarchy from ACT_HI_*, keeps a running demand's,
 * and takes nothing from our own records or from what staff and the public see: those read our tables only.
 */
@PlatformTest
class HistoryCleanupTest {
  /** Every Camunda table whose rows belong to one process hierarchy (column ROOT_PROC_INST_ID_). */
  static final List<String> HIERARCHY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT",
      "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_GE_BYTEARRAY");
  /** What the brief of issue #23 asks to see removed: each holds rows for any demand that went through a step. */
  static final List<String> ALWAYS_WRITTEN = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK");
  /** Our own tables with rows per demand; history cleanup must never touch them. */
  static final List<String> OWN_TABLES = List.of("demand_event", "routing_decision", "department_reply", "reply_clock",
      "publicity_notice", "step_record", "sla_breach", "satisfaction_evaluation");
  static final Duration TTL = Duration.ofDays(365);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntakeService intake;
  @Autowired VillageAssignments villages;

  ProposalWalk walk;

  @BeforeEach
  void walker() {
    walk = new ProposalWalk(engine, intake, villages);
  }

  @AfterEach
  void resetClockAndCleanupSchedule() {
    ClockUtil.reset();
    // as at start-up: the next run at the window's start, not "due now" (left so by cleanUpHistoryAsync(true))
    engine.getHistoryService().cleanUpHistoryAsync(false);
  }

  @Test
  void anEndedDemandsEngineHistoryGoes_aRunningOnesStays_andOurViewsAnswerAsBefore() {
    TestClock.at("2026-11-23T10:00:00+08:00");
    String ended = endedEmergency();
    String running = created(Demands.body());
    String endedRoot = rootOf(ended);
    String runningRoot = rootOf(running);

    List<HistoricProcessInstance> hierarchy = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(endedRoot).list();
    assertThat(hierarchy).extracting(HistoricProcessInstance::getProcessDefinitionKey).contains(
        "SixStepConsultationProcess", "DepartmentReplyProcess", "ReplyClockProcess", "PublicityProcess");
    Date end = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(endedRoot).singleResult()
        .getEndTime();
    assertThat(hierarchy).as("every called process is removed with the demand's root, a year after it ended")
        .extracting(HistoricProcessInstance::getRemovalTime).containsOnly(Date.from(end.toInstant().plus(TTL)));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstanceId(runningRoot).list())
        .extracting(HistoricProcessInstance::getRemovalTime).containsOnlyNulls();

    Map<String, Long> endedRows = engineRows(endedRoot);
    Map<String, Long> runningRows = engineRows(runningRoot);
    ALWAYS_WRITTEN.forEach(table -> assertThat(endedRows.get(table)).as(table).isPositive());
    ALWAYS_WRITTEN.forEach(table -> assertThat(runningRows.get(table)).as(table).isPositive());

    ClockUtil.setCurrentTime(Date.from(end.toInstant().plus(TTL).plus(Duration.ofDays(1))));
    Map<String, Object> ownBefore = Map.of(ended, ownRows(ended), running, ownRows(running));
    Map<String, Object> viewsBefore = Map.of(ended, views(ended), running, views(running));

    cleanUpHistory();

    assertThat(engineRows(endedRoot)).as("the ended demand's engine history").allSatisfy((table, rows) ->
        assertThat(rows).as(table).isZero());
    assertThat(engineRows(runningRoot)).as("the running demand's engine history").isEqualTo(runningRows);
    assertThat(Map.of(ended, ownRows(ended), running, ownRows(running))).isEqualTo(ownBefore);
    assertThat(Map.of(ended, views(ended), running, views(running))).isEqualTo(viewsBefore);
    assertThat(((JsonNode) views(ended).get("staff")).get("history").findValuesAsText("kind")).containsSubsequence(
        "COLLECTED", "ROUTED", "REPLIED", "REPLY_ACCEPTED", "PUBLISHED", "PUBLICITY_CLOSED");
    assertThat(((JsonNode) views(ended).get("staff")).get("status").asText()).isEqualTo("CLOSED");
    assertThat(new Steps(engine, running).openTasks()).as("the running demand goes on").isNotEmpty();
  }

  @Test
  void aFollowUpReviewIsARootOfItsOwn_keptTwoYearsAfterItEnds_whileTheProposalGoesWithItsDemand() {
    TestClock.at("2026-11-02T10:00:00+08:00");
    Steps steps = walk.registeredAndAssigned(Category.TRANSPORT, 20, "transport");
    TestClock.at("2026-11-10T09:00:00+08:00");
    walk.evaluate(walk.reply(walk.contact(steps, "transport", "2026-11-09"), "transport", "B"),
        ProposalProcess.TASK_EVALUATION, "SATISFIED", null);
    TestClock.at("2027-05-10T10:01:00+08:00");
    steps.fireDueTimers().complete(FollowUpReviewProcess.TASK_SELF_CHECK, "transport", List.of("dept-transport"),
        Map.of("progressReport", "已全部完成。", "proposedClass", "A"));
    if (steps.openTasks().contains(FollowUpReviewProcess.TASK_INSPECTION)) {
      steps.complete(FollowUpReviewProcess.TASK_INSPECTION, "leader", List.of("leadership"),
          Map.of("inspectionFindings", "属实。", "inspectedClass", "A"));
    }
    if (steps.openTasks().contains(FollowUpReviewProcess.TASK_EVALUATION)) {
      walk.evaluate(steps, FollowUpReviewProcess.TASK_EVALUATION, "SATISFIED", null);
    }

    String root = rootOf(steps.code());
    HistoricProcessInstance proposal = instance(steps.code(), ProposalProcess.KEY);
    HistoricProcessInstance review = instance(steps.code(), FollowUpReviewProcess.KEY);
    assertThat(proposal.getRootProcessInstanceId()).as("called by the demand's process").isEqualTo(root);
    assertThat(review.getRootProcessInstanceId()).as("started, not called, by the proposal").isEqualTo(review.getId());
    assertThat(review.getEndTime()).as("open: " + steps.openTasks()).isNotNull();
    assertThat(review.getRemovalTime()).isEqualTo(Date.from(review.getEndTime().toInstant().plus(Duration.ofDays(730))));
    assertThat(proposal.getRemovalTime()).as("the demand is still running (publicity)").isNull();
  }

  HistoricProcessInstance instance(String code, String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(processKey).singleResult();
  }

  @Test
  void operatorsSeeTheCleanupWindow() {
    JsonNode configuration = new Http(port).as("admin").get("/engine-rest/history/cleanup/configuration").json();
    assertThat(configuration.get("enabled").asBoolean()).isTrue();
    assertThat(configuration.get("batchWindowStartTime").asText()).contains("T22:00:00");
    assertThat(configuration.get("batchWindowEndTime").asText()).contains("T06:00:00");
    assertThat(new Http(port).as("admin").get("/engine-rest/history/cleanup/jobs").json()).as("scheduled at start-up")
        .hasSize(1);
    JsonNode report = new Http(port).as("admin")
        .get("/engine-rest/history/process-definition/cleanable-process-instance-report?compact=false").json();
    Map<String, Integer> ttl = new LinkedHashMap<>();
    report.forEach(row -> ttl.put(row.get("processDefinitionKey").asText(), row.get("historyTimeToLive").asInt()));
    assertThat(ttl).containsEntry("SixStepConsultationProcess", 365).containsEntry("DepartmentReplyProcess", 365)
        .containsEntry("ReplyClockProcess", 365).containsEntry("PublicityProcess", 365).containsEntry("ProposalProcess", 365)
        .containsEntry("FollowUpReviewProcess", 730);
  }

  /** The shortest product path through called processes: an emergency goes straight to the department. */
  String endedEmergency() {
    String code = created(Demands.with(Demands.body(), "urgency", "EMERGENCY"));
    Steps steps = new Steps(engine, code)
        .complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"), Map.of("resultText", "已连夜抢修。"))
        .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT"));
    // publicity closes after 7 days; nobody evaluates within 15 more, and the matter is closed
    later(Duration.ofDays(7));
    steps.fireDueTimers();
    later(Duration.ofDays(15));
    steps.fireDueTimers();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    return code;
  }

  String created(Map<String, Object> body) {
    Http.Response created = new Http(port).as("clerk").post("/api/demands", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("trackingCode").asText();
  }

  static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration).plusSeconds(60)));
  }

  String rootOf(String code) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("SixStepConsultationProcess").singleResult().getId();
  }

  /** Runs the cleanup as an operator's "clean up now" does, until it has nothing left to remove (it reschedules). */
  void cleanUpHistory() {
    engine.getHistoryService().cleanUpHistoryAsync(true);
    for (int run = 0; run < 1_000; run++) {
      List<Job> due = engine.getHistoryService().findHistoryCleanupJobs().stream()
          .filter(job -> !job.isSuspended() && !job.getDuedate().toInstant().isAfter(now())).toList();
      if (due.isEmpty()) return;
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("history cleanup still due after 1,000 runs");
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  Map<String, Long> engineRows(String root) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : HIERARCHY_TABLES) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ?", Long.class, root));
    }
    return rows;
  }

  Map<String, Long> ownRows(String code) {
    Long demandId = jdbc.queryForObject("SELECT id FROM demand WHERE tracking_code = ?", Long.class, code);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : OWN_TABLES) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE demand_id = ?", Long.class, demandId));
    }
    return rows;
  }

  /** What staff, the public and the scorecard answer about a demand: status code and body. */
  Map<String, Object> views(String code) {
    Http http = new Http(port);
    Http.Response staff = http.as("liaison").get("/api/demands/" + code);
    Http.Response visitor = http.get("/api/public/demands/" + code);
    assertThat(staff.status()).as(staff.body()).isEqualTo(200);
    assertThat(visitor.status()).as(visitor.body()).isEqualTo(200);
    Http.Response score = http.as("supervisor").get("/api/scorecard/matters/" + code);
    return Map.of("staff", staff.json(), "public", visitor.json(), "scorecard", score.status() + " " + score.body());
  }
}
