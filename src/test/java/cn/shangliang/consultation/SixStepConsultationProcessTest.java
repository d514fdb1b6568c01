package cn.shangliang.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.intake.Channel;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.DemandView;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 六步协商工作法: every path of the matter's process, worked as the people of DOMAIN.md §1 work it. */
@PlatformTest
class SixStepConsultationProcessTest {
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired DemandQueries queries;
  @Autowired VillageAssignments villages;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired cn.shangliang.notifications.Notifications notifications;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  record Matter(IntakeService.Submitted submitted, Steps steps) {
    String code() {
      return submitted.demand().getTrackingCode();
    }

    ProcessInstance instance(RuntimeService runtime) {
      return runtime.createProcessInstanceQuery().processInstanceId(submitted.demand().getProcessInstanceId()).singleResult();
    }
  }

  Matter submit(String village, Category category, Scope scope, Urgency urgency, boolean onSite, String collectingMember) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    IntakeService.Submitted submitted = intake.submit(new DemandRequest("测试诉求 " + unique, "诉求内容，联系电话13812345678。" + unique,
        category, scope, urgency, Channel.MEMBER_VISIT, "中峰镇", village, new DemandRequest.Submitter("张三", "13812341234"),
        onSite, false, new BigDecimal("1000"), 1, List.of(), 5, null, null, null, collectingMember, null), null, "clerk");
    return new Matter(submitted, new Steps(engine, submitted.demand().getTrackingCode()));
  }

  Matter submitInAssignedVillage() {
    String village = "包村测试村" + UUID.randomUUID().toString().substring(0, 6);
    villages.assign("中峰镇", village, "member1", "admin");
    return submit(village, Category.TRANSPORT, Scope.VILLAGE, Urgency.NORMAL, false, null);
  }

  JsonNode view(Matter matter) {
    DemandView view = queries.view(queries.find(matter.code()));
    return json.valueToTree(view);
  }

  void closePublicity(Matter matter) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).plusSeconds(60)));
    matter.steps().fireDueTimers();
    // nobody evaluates within 15 days: recorded as no answer, and the matter is closed
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15)).plusSeconds(60)));
    matter.steps().fireDueTimers();
  }

  @Test
  void onSiteFastTrack_answerThenPublicityThenClosed() {
    Matter matter = submit("现场村" + UUID.randomUUID(), Category.POLICY, Scope.HOUSEHOLD, Urgency.NORMAL, true, "member1");
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.TASK_ON_SITE_ANSWER);
    Task answer = matter.steps().task(SixStepConsultationProcess.TASK_ON_SITE_ANSWER);
    assertThat(answer.getAssignee()).isEqualTo("member1");
    assertThat(candidateGroups(answer)).containsExactly("member");

    matter.steps().complete(SixStepConsultationProcess.TASK_ON_SITE_ANSWER, "member1", List.of("member"),
        Map.of("resultText", "已当场解释报销政策，详询13900001111。"));
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.CALL_PUBLICITY);
    JsonNode notice = view(matter).get("steps").get("publicityNotices").get(0);
    assertThat(notice.get("result").asText()).contains("139****1111").doesNotContain("13900001111");
    assertThat(notice.get("title").asText()).doesNotContain("13812345678");
    assertThat(view(matter).get("status").asText()).isEqualTo("PUBLICIZING");

    closePublicity(matter);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(matter.submitted().demand()
        .getProcessInstanceId()).singleResult().getState()).isEqualTo("COMPLETED");
    JsonNode view = view(matter);
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("steps").get("publicityNotices").get(0).get("closedAt").isNull()).isFalse();
    assertThat(view.get("history").findValuesAsText("kind")).containsSubsequence("COLLECTED", "ROUTED", "ANSWERED", "PUBLISHED",
        "PUBLICITY_CLOSED");
  }

  @Test
  void allSixSteps_toADepartmentReply_returnedOnce_thenAccepted_thenPublicized() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant()));
    Matter matter = submitInAssignedVillage();
    Task investigate = matter.steps().task(SixStepConsultationProcess.TASK_INVESTIGATE);
    assertThat(investigate.getAssignee()).as("the village's member").isEqualTo("member1");
    assertThat(notifications.of("member1", List.of("member"), true, 500)).anyMatch(n -> matter.code().equals(n.trackingCode())
        && n.kind().equals("ASSIGNMENT") && n.title().startsWith("新任务：深入调查明事："));
    assertThat(candidateGroups(investigate)).containsExactly("liaison-office");
    assertThat(investigate.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-30T17:30:00+08:00").toInstant()));

    matter.steps().complete(SixStepConsultationProcess.TASK_INVESTIGATE, "member1", List.of("member"), Steps.investigation())
        .complete(SixStepConsultationProcess.TASK_SCHEDULE_MEETING, "convenor", List.of("convenor"), Steps.meetingSchedule());
    JsonNode meeting = view(matter).get("steps").get("meetings").get(0);
    assertThat(meeting.get("formLabel").asText()).isEqualTo("院坝协商");
    assertThat(meeting.get("notices").findValuesAsText("participantKind")).containsExactlyInAnyOrder("MEMBERS", "RESIDENTS", "DEPARTMENTS");
    assertThat(matter.steps().task(SixStepConsultationProcess.TASK_RECORD_MEETING)).isNotNull();

    matter.steps().complete(SixStepConsultationProcess.TASK_RECORD_MEETING, "convenor", List.of("convenor"), Steps.meetingRecord())
        .complete(SixStepConsultationProcess.TASK_DECIDE, "convenor", List.of("convenor"), Steps.decision());
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).hasPassed(SixStepConsultationProcess.TASK_ROUTE_HANDLING)
        .isWaitingAt(SixStepConsultationProcess.CALL_DEPARTMENT_REPLY);

    Task reply = matter.steps().task("UserTask_DepartmentReply");
    BpmnAwareTests.assertThat(reply).hasCandidateGroup("dept-transport");
    Date due = reply.getDueDate();
    assertThat(due).isNotNull();
    matter.steps().complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"), Map.of("resultText", "纳入计划，明年修。"))
        .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"),
            Map.of("reviewDecision", "RETURN", "reviewComment", "请明确今年的临时处置措施。"));
    Task again = matter.steps().task("UserTask_DepartmentReply");
    assertThat(again.getDueDate()).as("a returned reply keeps the original deadline").isEqualTo(due);
    matter.steps().complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"),
            Map.of("resultText", "已安排12月10日前完成积水路段修补。"))
        .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT"));
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.CALL_PUBLICITY);

    JsonNode view = view(matter);
    JsonNode steps = view.get("steps");
    assertThat(steps.get("investigations").get(0).get("recordedBy").asText()).isEqualTo("member1");
    assertThat(steps.get("meetings").get(0).get("attendance").asInt()).isEqualTo(30);
    assertThat(steps.get("decisions").get(0).get("actionItems").get(0).get("owner").asText()).isEqualTo("交通运输局");
    assertThat(steps.get("departmentReplies").findValuesAsText("reviewResult")).containsExactly("RETURN", "ACCEPT");
    assertThat(steps.get("publicityNotices").get(0).get("handlingUnit").asText()).isEqualTo("交通运输局");
    assertThat(steps.get("publicityNotices").get(0).get("result").asText()).contains("12月10日");
    assertThat(view.get("routingHistory").findValuesAsText("stage")).containsExactly("TRIAGE", "HANDLING");
    assertThat(view.get("history").findValuesAsText("kind")).containsSubsequence("COLLECTED", "ROUTED", "INVESTIGATED",
        "MEETING_SCHEDULED", "PARTICIPANTS_NOTIFIED", "MEETING_HELD", "DECIDED", "ROUTED", "REPLIED", "REPLY_RETURNED",
        "REPLIED", "REPLY_ACCEPTED", "PUBLISHED");
    closePublicity(matter);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(matter.submitted().demand()
        .getProcessInstanceId()).singleResult().getState()).isEqualTo("COMPLETED");
  }

  @Test
  void theInvestigatedFactsDecide_policyChangeBecomesAProposal() {
    Matter matter = submitInAssignedVillage();
    matter.steps().throughDecision(Steps.investigation("investigatedNeedsPolicyChange", true));
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.CALL_PROPOSAL);
    matter.steps().complete("UserTask_DraftProposal", "liaison", List.of("liaison-office"), Map.of(
            "proposalTitle", "关于完善村组道路养护机制的提案", "proposalReasons", "村组道路缺少日常养护经费和责任主体。",
            "proposalSuggestions", "建立县乡村三级道路养护责任制度。", "proposers", "李委员"))
        .complete("UserTask_RegistrationReview", "proposals", List.of("proposal-committee"),
            Map.of("registrationDecision", "REGISTER", "registrationComment", "符合立案条件。"))
        .complete("UserTask_AssignUnits", "proposals", List.of("proposal-committee"), Map.of("leadUnit", "transport"))
        .complete("UserTask_ContactProposer", "transport", List.of("dept-transport"), Map.of("contactWay", "PHONE",
            "contactDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "proposerView", "同意办理思路。"))
        .complete("UserTask_ProposalReply", "transport", List.of("dept-transport"), Map.of("replyClass", "A",
            "replyText", "已建立县乡村三级道路养护责任制度。"))
        .complete("UserTask_ProposerEvaluation", "proposals", List.of("proposal-committee"), Map.of("evaluationResult", "SATISFIED"));
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.CALL_PUBLICITY);
    JsonNode view = view(matter);
    assertThat(view.get("routingHistory").get(1).get("route").get("route").asText()).isEqualTo("PROPOSAL");
    assertThat(view.get("steps").get("proposals").get(0).get("registrationDecision").asText()).isEqualTo("REGISTER");
    assertThat(view.get("steps").get("publicityNotices").get(0).get("result").asText()).contains("交通运输局答复", "A类");
  }

  @Test
  void theInvestigatedFactsDecide_aKnownAnswerIsGivenByTheMember() {
    Matter matter = submitInAssignedVillage();
    matter.steps().throughDecision(Steps.investigation("investigatedAnswerableOnSite", true, "investigatedScope", "VILLAGE"));
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.TASK_HANDLING_ANSWER);
    BpmnAwareTests.assertThat(matter.steps().task(SixStepConsultationProcess.TASK_HANDLING_ANSWER)).hasCandidateGroup("member");
    matter.steps().complete(SixStepConsultationProcess.TASK_HANDLING_ANSWER, "member1", List.of("member"),
        Map.of("resultText", "按已有的以工代赈政策组织群众修补。"));
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.CALL_PUBLICITY);
  }

  @Test
  void anEmergency_goesToTheDepartmentAtOnce_dueIn24Hours() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T22:00:00+08:00").toInstant()));
    Matter matter = submit("特急村" + UUID.randomUUID(), Category.WATER, Scope.VILLAGE, Urgency.EMERGENCY, false, null);
    BpmnAwareTests.assertThat(matter.instance(runtimeService)).isWaitingAt(SixStepConsultationProcess.CALL_DEPARTMENT_REPLY)
        .hasNotPassed(SixStepConsultationProcess.TASK_INVESTIGATE);
    Task reply = matter.steps().task("UserTask_DepartmentReply");
    BpmnAwareTests.assertThat(reply).hasCandidateGroup("dept-water")
        .hasDueDate(Date.from(OffsetDateTime.parse("2026-10-01T22:00:00+08:00").toInstant()));
  }

  @Test
  void aVillageWithoutAMember_isInvestigatedByTheLiaisonOffice() {
    Matter matter = submit("无包村委员村" + UUID.randomUUID(), Category.TRANSPORT, Scope.VILLAGE, Urgency.NORMAL, false, null);
    Task investigate = matter.steps().task(SixStepConsultationProcess.TASK_INVESTIGATE);
    assertThat(investigate.getAssignee()).isNull();
    BpmnAwareTests.assertThat(investigate).hasCandidateGroup("liaison-office");
  }

  @Test
  void badFormInput_refusesCompletion_andTheTaskStays() {
    Matter matter = submitInAssignedVillage();
    matter.steps().complete(SixStepConsultationProcess.TASK_INVESTIGATE, "member1", List.of("member"), Steps.investigation())
        .complete(SixStepConsultationProcess.TASK_SCHEDULE_MEETING, "convenor", List.of("convenor"), Steps.meetingSchedule())
        .complete(SixStepConsultationProcess.TASK_RECORD_MEETING, "convenor", List.of("convenor"), Steps.meetingRecord());
    assertThatThrownBy(() -> matter.steps().complete(SixStepConsultationProcess.TASK_DECIDE, "convenor", List.of("convenor"),
        Steps.decision("actionItems", "修补路面，交通局")))
        .hasMessageContaining("落实事项第1行");
    assertThatThrownBy(() -> matter.steps().complete(SixStepConsultationProcess.TASK_DECIDE, "convenor", List.of("convenor"),
        Steps.decision("howReached", "VOTE")))
        .hasMessageContaining("赞成票");
    assertThat(matter.steps().task(SixStepConsultationProcess.TASK_DECIDE)).isNotNull();
    assertThat(view(matter).get("steps").get("decisions")).isEmpty();
    Matter other = submitInAssignedVillage();
    assertThatThrownBy(() -> other.steps().complete(SixStepConsultationProcess.TASK_INVESTIGATE, "member1", List.of("member"),
        Steps.investigation("investigatedScope", "GALAXY"))).hasMessageContaining("涉及范围");
  }

  @Test
  void anInvestigationPastItsDueDate_showsInTheOverdueFilter() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant()));
    Matter matter = submitInAssignedVillage();
    String investigate = matter.steps().task(SixStepConsultationProcess.TASK_INVESTIGATE).getId();
    String overdue = filterService.createFilterQuery().filterName("已超期").singleResult().getId();
    String dueSoon = filterService.createFilterQuery().filterName("即将到期").singleResult().getId();
    identityService.setAuthentication("member1", List.of("member"));
    assertThat(ids(filterService.list(overdue))).doesNotContain(investigate);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-27T10:00:00+08:00").toInstant())); // Fri; due Mon 30th
    assertThat(ids(filterService.list(dueSoon))).contains(investigate);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-01T09:00:00+08:00").toInstant()));
    assertThat(ids(filterService.list(overdue))).contains(investigate);
  }

  @Test
  void dueSoon_followsWorkingDays_acrossNationalDay() {
    Matter matter = submitInAssignedVillage();
    Task task = matter.steps().task(SixStepConsultationProcess.TASK_INVESTIGATE);
    task.setDueDate(Date.from(OffsetDateTime.parse("2026-10-08T17:30:00+08:00").toInstant())); // first working day after the holiday
    taskService.saveTask(task);
    String dueSoon = filterService.createFilterQuery().filterName("即将到期").singleResult().getId();
    identityService.setAuthentication("member1", List.of("member"));
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant()));
    assertThat(ids(filterService.list(dueSoon))).contains(task.getId());
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-25T10:00:00+08:00").toInstant()));
    assertThat(ids(filterService.list(dueSoon))).doesNotContain(task.getId());
    identityService.setAuthentication("transport", List.of("dept-transport"));
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant()));
    assertThat(ids(filterService.list(dueSoon))).as("not transport's task").doesNotContain(task.getId());
  }

  @Test
  void aFailureAnywhere_leavesNothingBehind() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    String key = UUID.randomUUID().toString();
    engine.getRepositoryService().suspendProcessDefinitionByKey(SixStepConsultationProcess.KEY);
    try {
      assertThatThrownBy(() -> intake.submit(new DemandRequest("x", "y", Category.TRANSPORT, Scope.VILLAGE, Urgency.NORMAL,
          Channel.HOTLINE, "中峰镇", "村", null, false, false, null, 1, List.of(), 0, key, null, null, null, null), null, "clerk"));
    } finally {
      engine.getRepositoryService().activateProcessDefinitionByKey(SixStepConsultationProcess.KEY);
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(jdbc.queryForObject("select count(*) from demand where idempotency_key = ?", Long.class, key)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from demand_event e join demand d on d.id = e.demand_id"
        + " where d.idempotency_key = ?", Long.class, key)).isZero();
  }

  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  static List<String> ids(List<?> tasks) {
    return tasks.stream().map(t -> ((Task) t).getId()).toList();
  }
}
