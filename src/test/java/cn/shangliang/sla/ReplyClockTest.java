package cn.shangliang.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Department replies on the clock: reminder at 75 %, breach at 100 %, supervision, level 2, closed by the reply. */
@PlatformTest
class ReplyClockTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ReplyClocks clocks;
  @Autowired SlaMetrics metrics;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static void at(String moment) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
  }

  /** An emergency goes to the water bureau at once: 24 calendar hours, reminder at 18 h. */
  String emergency(String moment) {
    at(moment);
    return new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", "EMERGENCY"),
        "category", "WATER")).json().get("trackingCode").asText();
  }

  List<String> open(String code) {
    return new Steps(engine, code).openTasks();
  }

  @Test
  void reminderAt75Percent_breachAt100_supervision_thenLevel2_thenTheReplyClosesEverything() {
    String code = emergency("2026-09-30T20:00:00+08:00");
    Steps steps = new Steps(engine, code);
    Task reply = steps.task("UserTask_DepartmentReply");
    assertThat(reply.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-10-01T20:00:00+08:00").toInstant()));

    at("2026-10-01T13:59:00+08:00");
    steps.fireDueTimers();
    assertThat(steps.task("UserTask_DepartmentReply").getFollowUpDate()).as("not yet 75 %").isNull();
    at("2026-10-01T14:01:00+08:00"); // 18 h of 24
    steps.fireDueTimers();
    assertThat(steps.task("UserTask_DepartmentReply").getFollowUpDate()).isNotNull();
    assertThat(kindsFor("water", code)).as("the department is reminded in-app").contains("REMINDER");

    at("2026-10-01T20:01:00+08:00");
    steps.fireDueTimers();
    assertThat(open(code)).containsExactlyInAnyOrder("UserTask_DepartmentReply", "UserTask_Supervise");
    assertThat(kindsFor("supervisor", code)).contains("BREACH");
    assertThat(kindsFor("water", code)).contains("BREACH");
    Task supervise = steps.task("UserTask_Supervise");
    // supervision due 2 working days after the deadline: National Day → 8 Oct, 9 Oct 17:30
    assertThat(supervise.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-10-09T17:30:00+08:00").toInstant()));
    JsonNode breaches = new Http(port).as("supervisor").get("/api/sla/breaches?status=OPEN&department=water").json();
    JsonNode breach = find(breaches, code);
    assertThat(breach.get("level").asInt()).isEqualTo(1);
    assertThat(breach.get("due").asText()).isEqualTo("2026-10-01T20:00:00+08:00");
    assertThat(breach.get("breachedAt").asText()).startsWith("2026-10-01T20:01");

    metrics.refresh();
    String prometheus = new Http(port).as("admin").get("/actuator/prometheus").body();
    assertThat(prometheus).containsPattern("shangliang_sla_breaches_open\\{[^}]*department=\"water\"[^}]*level=\"1\"");
    assertThat(prometheus).containsPattern("shangliang_reply_tasks_open\\{[^}]*department=\"water\"");
    assertThat(prometheus).containsPattern("shangliang_timer_lag_seconds_count\\{[^}]*kind=\"breach\"");
    steps.complete("UserTask_Supervise", "supervisor", List.of("supervisor"),
        Map.of("supervisionAction", "PHONE", "supervisionNote", "已电话催办水利局，承诺明日答复。"));
    at("2026-10-09T17:31:00+08:00");
    steps.fireDueTimers();
    assertThat(open(code)).containsExactlyInAnyOrder("UserTask_DepartmentReply", "UserTask_KeySupervision");
    assertThat(find(new Http(port).as("leader").get("/api/sla/breaches?status=OPEN").json(), code).get("level").asInt()).isEqualTo(2);
    assertThat(kindsFor("leader", code)).contains("ESCALATION");

    at("2026-10-10T09:00:00+08:00");
    steps.complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "已组织抢修，险情已排除。"));
    assertThat(open(code)).as("supervision cancelled, the liaison office reviews").containsExactly("UserTask_ReviewReply");
    JsonNode closed = find(new Http(port).as("supervisor").get("/api/sla/breaches?status=CLOSED&department=water").json(), code);
    assertThat(closed.get("closedAt").asText()).startsWith("2026-10-10T09:00");
    assertThat(closed.get("level").asInt()).isEqualTo(2);
    assertThat(closed.get("supervisionAction").asText()).isEqualTo("PHONE");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
        .mapToLong(pi -> managementService.createJobQuery().processInstanceId(pi.getId()).timers().count()).sum())
        .as("no timer left").isZero();
  }

  @Test
  void aReplyBeforeTheDeadline_leavesNoBreachAndNoTimer() {
    String code = emergency("2026-11-23T09:00:00+08:00");
    Steps steps = new Steps(engine, code);
    at("2026-11-23T12:00:00+08:00");
    steps.complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "已处置完毕。"));
    at("2026-11-25T12:00:00+08:00");
    steps.fireDueTimers();
    assertThat(open(code)).containsExactly("UserTask_ReviewReply");
    assertThat(new Http(port).as("supervisor").get("/api/sla/breaches?department=water").json().findValuesAsText("trackingCode"))
        .doesNotContain(code);
  }

  /**
   * An instance started on DepartmentReplyProcess before ReplyClockProcess existed (its clock as boundary timers on
   * the reply) runs on with the same beans: reminded, breached into supervision, and the reply ends it all.
   */
  @Test
  void anInstanceOfTheVersionBeforeTheCalledClock_runsOnWithTheSameBeans() {
    at("2026-11-23T09:00:00+08:00");
    JsonNode matter = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.body(), "category", "WATER")).json();
    String code = matter.get("trackingCode").asText();
    var repository = engine.getRepositoryService();
    String deployment = repository.createDeployment()
        .addClasspathResource("legacy/DepartmentReplyProcess-before-ReplyClockProcess.bpmn").deploy().getId();
    try {
      String definition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
      String legacy = code + "-V1";
      String instance = engine.getRuntimeService().startProcessInstanceById(definition, legacy, Map.of("demandId",
          matter.get("id").asLong(), "trackingCode", code, "demandTitle", "旧版计时", "leadDepartment", "water",
          "leadGroup", "dept-water", "clockKind", "CALENDAR_HOURS", "coDepartments", "",
          "replyDueAt", Date.from(OffsetDateTime.parse("2026-11-24T09:00:00+08:00").toInstant()))).getId();
      Steps steps = new Steps(engine, legacy);
      at("2026-11-24T03:01:00+08:00");
      steps.fireDueTimers();
      assertThat(steps.task("UserTask_DepartmentReply").getFollowUpDate()).as("reminded on its own reply task").isNotNull();
      at("2026-11-24T09:01:00+08:00");
      steps.fireDueTimers();
      assertThat(taskService.createTaskQuery().processInstanceId(instance).list().stream().map(Task::getTaskDefinitionKey))
          .containsExactlyInAnyOrder("UserTask_DepartmentReply", "UserTask_Supervise");
      steps.complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "已处置完毕。"));
      assertThat(steps.openTasks()).containsExactly("UserTask_ReviewReply");
      assertThat(find(new Http(port).as("supervisor").get("/api/sla/breaches?status=CLOSED&department=water").json(), code)
          .get("closedAt").asText()).startsWith("2026-11-24T09:01");
    } finally {
      repository.deleteDeployment(deployment, true); // the newest version again for the other tests
    }
  }

  String joint(String moment) {
    at(moment);
    return new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.with(Demands.with(Demands.body(),
        "urgency", "EMERGENCY"), "category", "WATER"), "departmentsInvolved", 2), "coDepartments", List.of("housing")))
        .json().get("trackingCode").asText();
  }

  @Test
  void jointHandling_theCoHandlerGivesItsOpinionBeforeTheDeadline_theLeadSeesIt() {
    String code = joint("2026-11-23T09:00:00+08:00");
    Steps steps = new Steps(engine, code);
    assertThat(open(code)).containsExactlyInAnyOrder("UserTask_DepartmentReply", "UserTask_CoHandlerOpinion");
    Task opinion = steps.task("UserTask_CoHandlerOpinion");
    assertThat(taskService.getIdentityLinksForTask(opinion.getId())).anyMatch(l -> "dept-housing".equals(l.getGroupId()));
    // two-thirds of the 24-hour emergency clock
    assertThat(opinion.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-24T01:00:00+08:00").toInstant()));
    assertThat(new Http(port).as("water").get("/engine-rest/task/" + opinion.getId()).status()).as("not the lead's task").isIn(403, 404);

    Http housing = new Http(port).as("housing");
    assertThat(housing.post("/engine-rest/task/" + opinion.getId() + "/complete", Map.of("variables",
        Map.of("coOpinion", Map.of("value", "住建局负责小区内管网修复，三日内完成。"))))).extracting(Http.Response::status).isEqualTo(204);
    Task reply = steps.task("UserTask_DepartmentReply");
    JsonNode replyForm = new Http(port).as("water").get("/engine-rest/task/" + reply.getId() + "/form-variables").json();
    assertThat(replyForm.get("coOpinions").get("value").asText()).contains("住房和城乡建设局：住建局负责小区内管网修复");
    steps.complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "水利局会同住建局处置完毕。"));
    JsonNode view = new Http(port).as("liaison").get("/api/demands/" + code).json();
    assertThat(view.get("route").get("coDepartments").get(0).asText()).isEqualTo("housing");
    assertThat(view.get("steps").get("coHandlerOpinions").get(0).get("department").asText()).isEqualTo("housing");
  }

  @Test
  void jointHandling_aReplyBeforeTheOpinion_endsTheWaitForIt() {
    String code = joint("2026-11-23T09:00:00+08:00");
    new Steps(engine, code).complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "已处置。"));
    assertThat(open(code)).containsExactly("UserTask_ReviewReply");
  }

  @Test
  void breachesAreForSupervisors() {
    assertThat(new Http(port).as("transport").get("/api/sla/breaches").status()).isEqualTo(403);
    assertThat(new Http(port).as("supervisor").get("/api/sla/breaches?status=MAYBE").status()).isEqualTo(400);
  }

  List<String> kindsFor(String user, String code) {
    List<String> kinds = new java.util.ArrayList<>();
    for (JsonNode n : new Http(port).as(user).get("/api/notifications?limit=500").json()) {
      if (code.equals(n.path("trackingCode").asText())) kinds.add(n.get("kind").asText());
    }
    return kinds;
  }

  @Test
  void notifications_canBeReadOnlyByTheirRecipients() {
    String code = emergency("2026-11-23T09:00:00+08:00");
    at("2026-11-24T09:01:00+08:00");
    new Steps(engine, code).fireDueTimers();
    JsonNode mine = null;
    for (JsonNode n : new Http(port).as("supervisor").get("/api/notifications?unread=true&limit=500").json()) {
      if (code.equals(n.path("trackingCode").asText())) mine = n;
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("title").asText()).startsWith("答复超期，待督办");
    int unread = new Http(port).as("supervisor").get("/api/notifications/count").json().get("unread").asInt();
    assertThat(new Http(port).as("transport").post("/api/notifications/" + mine.get("id").asText() + "/read", "").status()).isEqualTo(404);
    assertThat(new Http(port).as("supervisor").post("/api/notifications/" + mine.get("id").asText() + "/read", "").status()).isEqualTo(204);
    assertThat(new Http(port).as("supervisor").get("/api/notifications/count").json().get("unread").asInt()).isEqualTo(unread - 1);
    assertThat(new Http(port).get("/api/notifications").status()).isEqualTo(401);
  }

  static JsonNode find(JsonNode breaches, String code) {
    for (JsonNode b : breaches) if (b.get("trackingCode").asText().equals(code)) return b;
    throw new AssertionError("no breach of " + code + " in " + breaches);
  }
}
