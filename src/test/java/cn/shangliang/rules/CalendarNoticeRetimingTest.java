package cn.shangliang.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.ProposalWalk;
import cn.shangliang.support.Steps;
import cn.shangliang.support.TestClock;
import cn.shangliang.sla.ReplyClock;
import cn.shangliang.sla.ReplyClocks;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Issue #20 item 3: when next year's holiday notice arrives, every open reply clock counted on the calendar
 * follows — the reply task's due date, the waiting timers, the reply_clock row and the demand's history —
 * and when the notice is withdrawn they return. A breach that fired stays fired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(listeners = cn.shangliang.support.EngineRegistration.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CalendarNoticeRetimingTest {
  static final Path RULES = RuleBaseLoaderTest.temporaryCopy("shangliang-rules-retiming");

  @DynamicPropertySource
  static void rulesFolder(DynamicPropertyRegistry registry) {
    registry.add("shangliang.rules-dir", RULES::toString);
    registry.add("shangliang.rules-watch", () -> "false");
  }

  @AfterAll
  static void removeFolder() throws IOException {
    RuleBaseLoaderTest.delete(RULES);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ReplyClocks clocks;
  @Autowired RulesService rules;
  @Autowired ApplicationEventPublisher events;
  @Autowired VillageAssignments villages;
  @Autowired IntakeService intake;

  /** The test's 2027 notice: 春节 5–12 Feb off, Sat 20 Feb worked. */
  static final String NOTICE = "year: 2027\nsource: 测试用通知\nholidays: [ { name: 春节, from: 2027-02-05, to: 2027-02-12 } ]\n"
      + "makeUpWorkdays: [ { date: 2027-02-20, note: 调休上班 } ]\n";

  @AfterEach
  void withdrawNoticeAndResetClock() throws IOException {
    // a failed test must not leave its notice to the next one
    if (Files.deleteIfExists(RULES.resolve("calendar/2027.yaml"))) reload();
    ClockUtil.reset();
  }

  static Date at(String moment) {
    return Date.from(OffsetDateTime.parse(moment).toInstant());
  }

  final Map<String, Long> demandIds = new HashMap<>();

  String demand(String urgency, String moment) {
    TestClock.at(moment);
    String village = "改期村" + demandIds.size();
    villages.assign("中峰镇", village, "member1", "admin");
    JsonNode created = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.with(Demands.body(),
        "urgency", urgency), "category", "WATER"), "village", village)).json();
    demandIds.put(created.get("trackingCode").asText(), created.get("id").asLong());
    return created.get("trackingCode").asText();
  }

  ReplyClock clockOf(Task task) {
    return clocks.clock(((Number) runtime.getVariable(task.getProcessInstanceId(), "replyClockId")).longValue());
  }

  List<Date> timers(Task task) {
    List<Date> dates = new ArrayList<>();
    // the reply clock's timers wait in the ReplyClockProcess the reply work called
    List<String> instances = new ArrayList<>(List.of(task.getProcessInstanceId()));
    runtime.createProcessInstanceQuery().superProcessInstanceId(task.getProcessInstanceId()).list()
        .forEach(called -> instances.add(called.getId()));
    for (String instance : instances) {
      for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) dates.add(job.getDuedate());
    }
    return dates;
  }

  List<String> retimings(String code) {
    long id = demandIds.get(code);
    List<String> details = new ArrayList<>();
    for (JsonNode event : new Http(port).as("liaison").get("/api/demands/" + id).json().get("history")) {
      if ("DEADLINE_RETIMED".equals(event.path("kind").asText())) details.add(event.get("detail").asText());
    }
    return details;
  }

  List<String> kindsFor(String user, String code) {
    List<String> kinds = new ArrayList<>();
    for (JsonNode n : new Http(port).as(user).get("/api/notifications?limit=500").json()) {
      if (code.equals(n.path("trackingCode").asText())) kinds.add(n.get("kind").asText());
    }
    return kinds;
  }

  void reload() {
    assertThat(new Http(port).as("admin").post("/api/admin/rules/reload", "").status()).isEqualTo(200);
  }

  @Test
  void theNoticeMovesOpenDeadlines_withdrawingItMovesThemBack_aFiredBreachStays() throws IOException {
    // URGENT: 3 working days from Wed 3 Feb 2027; by the law 5–10 Feb are off → Fri 12 Feb 17:30
    String urgent = demand("URGENT", "2027-02-03T09:30:00+08:00");
    // EMERGENCY: 24 hours; its breach fires on 4 Feb, supervision 2 working days later (11, 12 Feb)
    String emergency = demand("EMERGENCY", "2027-02-03T09:00:00+08:00");
    Steps urgentSteps = new Steps(engine, urgent);
    Steps emergencySteps = new Steps(engine, emergency);
    // the department's reply on the URGENT rule, counted from the routing at Wed 3 Feb 10:00
    TestClock.at("2027-02-03T10:00:00+08:00");
    runtime.startProcessInstanceByKey("DepartmentReplyProcess", urgent, Map.of("demandId", demandIds.get(urgent),
        "trackingCode", urgent, "demandTitle", "改期测试", "leadDepartment", "water", "leadGroup", "dept-water",
        "routeRule", "URGENT", "coDepartments", "transport", "replyDueAt", at("2027-02-12T17:30:00+08:00"),
        "replyDueFrom", at("2027-02-03T10:00:00+08:00")));
    urgentSteps.runJobs();
    assertThat(urgentSteps.openTasks()).contains("UserTask_DepartmentReply");
    Task reply = urgentSteps.task("UserTask_DepartmentReply");
    assertThat(reply.getDueDate()).isEqualTo(at("2027-02-12T17:30:00+08:00"));
    ReplyClock before = clockOf(reply);
    assertThat(before.getSupervisionDueAt()).isEqualTo(at("2027-02-16T17:30:00+08:00").toInstant());
    assertThat(timers(reply)).contains(at("2027-02-12T17:30:00+08:00"), at("2027-02-16T17:30:00+08:00"));
    // the co-handler's opinion is due when 2/3 of the lead's working time has passed: 79.5 working hours
    // (3 Feb from 10:00, 4, 11 Feb, 12 Feb to 17:30) → 53 hours in → Thu 11 Feb 15:00
    assertThat(urgentSteps.task("UserTask_CoHandlerOpinion").getDueDate()).isEqualTo(at("2027-02-11T15:00:00+08:00"));

    TestClock.at("2027-02-04T09:01:00+08:00");
    emergencySteps.fireDueTimers();
    assertThat(emergencySteps.openTasks()).contains("UserTask_Supervise");
    assertThat(emergencySteps.task("UserTask_Supervise").getDueDate()).isEqualTo(at("2027-02-12T17:30:00+08:00"));

    // the notice: 春节 5–12 Feb off, Sat 20 Feb worked
    TestClock.at("2027-02-04T10:00:00+08:00");
    Path notice = RULES.resolve("calendar/2027.yaml");
    Files.writeString(notice, NOTICE);
    RuleBase provisional = rules.current();
    reload();
    RuleBase published = rules.current();

    Task moved = urgentSteps.task("UserTask_DepartmentReply");
    assertThat(moved.getDueDate()).as("4, 15, 16 Feb").isEqualTo(at("2027-02-16T17:30:00+08:00"));
    ReplyClock after = clockOf(moved);
    assertThat(after.getDueAt()).isEqualTo(at("2027-02-16T17:30:00+08:00").toInstant());
    assertThat(after.getSupervisionDueAt()).isEqualTo(at("2027-02-18T17:30:00+08:00").toInstant());
    assertThat(after.getKeySupervisionDueAt()).as("19 Feb, Sat 20 Feb worked").isEqualTo(at("2027-02-20T17:30:00+08:00").toInstant());
    assertThat(after.getReminderAt()).isNotEqualTo(before.getReminderAt());
    assertThat(timers(moved)).containsExactlyInAnyOrder(Date.from(after.getReminderAt()), Date.from(after.getDueAt()),
        Date.from(after.getSupervisionDueAt()));
    assertThat(runtime.getVariable(moved.getProcessInstanceId(), "replyDueAt")).isEqualTo(Date.from(after.getDueAt()));
    assertThat(retimings(urgent)).contains("「部门答复」办理时限 2027-02-12 17:30 → 2027-02-16 17:30（2027年节假日安排已发布）");
    assertThat(kindsFor("water", urgent)).contains("RETIMED");
    // the same hours with 15 and 16 Feb in place of 11 and 12 Feb
    assertThat(urgentSteps.task("UserTask_CoHandlerOpinion").getDueDate()).isEqualTo(at("2027-02-15T15:00:00+08:00"));
    assertThat(runtime.getVariable(moved.getProcessInstanceId(), "coOpinionDueAt")).isEqualTo(at("2027-02-15T15:00:00+08:00"));
    assertThat(retimings(urgent)).contains("「部门答复」协办意见时限 2027-02-11 15:00 → 2027-02-15 15:00（2027年节假日安排已发布）");
    assertThat(kindsFor("transport", urgent)).contains("RETIMED");

    // the breach fired stays; the supervision it opened follows the notice, the fired deadline does not
    assertThat(emergencySteps.task("UserTask_DepartmentReply").getDueDate()).isEqualTo(at("2027-02-04T09:00:00+08:00"));
    assertThat(emergencySteps.task("UserTask_Supervise").getDueDate()).isEqualTo(at("2027-02-16T17:30:00+08:00"));
    JsonNode open = new Http(port).as("supervisor").get("/api/sla/breaches?status=OPEN&department=water").json();
    assertThat(open.findValuesAsText("trackingCode")).contains(emergency);
    assertThat(kindsFor("supervisor", emergency)).contains("RETIMED");

    // a second node reloading the same notice finds nothing left to move
    int recorded = retimings(urgent).size() + retimings(emergency).size();
    events.publishEvent(new RulesReloaded(provisional, published));
    assertThat(retimings(urgent).size() + retimings(emergency).size()).isEqualTo(recorded);

    // withdrawn: back to the law
    Files.delete(notice);
    reload();
    Task back = urgentSteps.task("UserTask_DepartmentReply");
    assertThat(back.getDueDate()).isEqualTo(at("2027-02-12T17:30:00+08:00"));
    ReplyClock again = clockOf(back);
    assertThat(again.getSupervisionDueAt()).isEqualTo(before.getSupervisionDueAt());
    assertThat(again.getKeySupervisionDueAt()).isEqualTo(before.getKeySupervisionDueAt());
    assertThat(timers(back)).contains(Date.from(before.getDueAt()), Date.from(before.getSupervisionDueAt()));
    assertThat(retimings(urgent)).contains("「部门答复」办理时限 2027-02-16 17:30 → 2027-02-12 17:30（2027年节假日安排已撤回，暂按法定节假日推算）");
    assertThat(emergencySteps.task("UserTask_Supervise").getDueDate()).isEqualTo(at("2027-02-12T17:30:00+08:00"));
    assertThat(urgentSteps.task("UserTask_CoHandlerOpinion").getDueDate()).isEqualTo(at("2027-02-11T15:00:00+08:00"));
  }

  @Test
  void aProposalsThreeMonthsAndTheModelsWorkingDayTasksFollowTheNotice() throws IOException {
    // a proposal assigned on Thu 5 Nov 2026: 3 months → Fri 5 Feb 2027, 除夕 by the law, off until 10 Feb → Thu 11 Feb
    TestClock.at("2026-11-05T10:00:00+08:00");
    Steps proposal = new ProposalWalk(engine, intake, villages).registeredAndAssigned(Category.TRANSPORT, 120, "transport");
    demandIds.put(proposal.code(), new Http(port).as("liaison").get("/api/demands/" + proposal.code()).json().get("id").asLong());
    assertThat(proposal.task("UserTask_ContactProposer").getDueDate()).isEqualTo(at("2027-02-11T17:30:00+08:00"));
    // a NORMAL demand on Wed 3 Feb 2027 is investigated within 5 working days (camunda:dueDate="5WD"):
    // 4, 11, 12, 15, 16 Feb by the law
    String normal = demand("NORMAL", "2027-02-03T09:00:00+08:00");
    Steps normalSteps = new Steps(engine, normal);
    assertThat(normalSteps.task("UserTask_Investigate").getDueDate()).isEqualTo(at("2027-02-16T17:30:00+08:00"));

    TestClock.at("2027-02-03T11:00:00+08:00");
    RuleBase provisional = rules.current();
    Path notice = RULES.resolve("calendar/2027.yaml");
    Files.writeString(notice, NOTICE);
    reload();
    publishedNoticeMoves(proposal, normalSteps, normal, provisional);
    Files.delete(notice);
    reload();
    assertThat(proposal.task("UserTask_ContactProposer").getDueDate()).isEqualTo(at("2027-02-11T17:30:00+08:00"));
    assertThat(normalSteps.task("UserTask_Investigate").getDueDate()).isEqualTo(at("2027-02-16T17:30:00+08:00"));
  }

  void publishedNoticeMoves(Steps proposal, Steps normalSteps, String normal, RuleBase provisional) {
    // 5–12 Feb off, 13–14 a weekend → Mon 15 Feb, for the task, its timers, the proposal's record and the form's text
    Task contact = proposal.task("UserTask_ContactProposer");
    assertThat(contact.getDueDate()).isEqualTo(at("2027-02-15T17:30:00+08:00"));
    assertThat(timers(contact)).contains(at("2027-02-15T17:30:00+08:00"));
    assertThat(runtime.getVariable(contact.getProcessInstanceId(), "replyDueText")).isEqualTo("2027-02-15 17:30");
    JsonNode proposals = new Http(port).as("proposals").get("/api/demands/" + proposal.code()).json().get("steps").get("proposals");
    JsonNode record = new Http(port).as("proposals").get("/api/proposals/" + proposals.get(0).get("id").asText()).json();
    assertThat(record.get("proposal").get("replyDueAt").asText()).startsWith("2027-02-15T17:30");
    assertThat(retimings(proposal.code())).contains("「提案答复」办理时限 2027-02-11 17:30 → 2027-02-15 17:30（2027年节假日安排已发布）");
    // 4, 15, 16, 17, 18 Feb
    assertThat(normalSteps.task("UserTask_Investigate").getDueDate()).isEqualTo(at("2027-02-18T17:30:00+08:00"));
    assertThat(retimings(normal)).contains("「深入调查明事」办理时限 2027-02-16 17:30 → 2027-02-18 17:30（2027年节假日安排已发布）");

    // a second node's reload finds every working-day task already counted
    int recorded = retimings(normal).size() + retimings(proposal.code()).size();
    events.publishEvent(new RulesReloaded(provisional, rules.current()));
    assertThat(retimings(normal).size() + retimings(proposal.code()).size()).isEqualTo(recorded);
  }
}
