package cn.shangliang.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.support.PlatformTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
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

/** The thin end-to-end slice: intake → Drools routing → the right inbox, and the Tasklist filters that show it. */
@PlatformTest
class DemandIntakeProcessTest {
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired DemandRepository demands;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  IntakeService.Submitted submit(Category category, Scope scope, Urgency urgency, boolean onSite, boolean policy) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return intake.submit(new DemandRequest("测试诉求 " + unique, "诉求内容 " + unique, category, scope, urgency,
        Channel.MEMBER_VISIT, "中峰镇", "流程测试村" + unique, new DemandRequest.Submitter("张三", "13812341234"), onSite,
        policy, new BigDecimal("1000"), 1, List.of(), 5, null, null, null, "member1", null), null, "clerk");
  }

  ProcessInstance instance(IntakeService.Submitted submitted) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(submitted.demand().getProcessInstanceId()).singleResult();
  }

  @Test
  void departmentRoute_waitsForTheLeadDepartment_thenRecordsTheReply() {
    ProcessInstance pi = instance(submit(Category.WATER, Scope.VILLAGE, Urgency.NORMAL, false, false));
    BpmnAwareTests.assertThat(pi).isWaitingAt(DemandIntakeProcess.TASK_DEPARTMENT_REPLY)
        .hasPassed(DemandIntakeProcess.TASK_ROUTE).variables().containsEntry("route", "DEPARTMENT")
        .containsEntry("leadGroup", "dept-water");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("dept-water").hasDueDate((Date) runtimeService.getVariable(pi.getId(), "routeDeadline"));
    complete(task(pi), withVariables("resultText", "已安排维修水渠。"));
    BpmnAwareTests.assertThat(pi).hasPassed(DemandIntakeProcess.TASK_RECORD_RESULT).isEnded();
  }

  @Test
  void onSiteRoute_goesToTheMembers_dueTheSameDay() {
    ProcessInstance pi = instance(submit(Category.POLICY, Scope.HOUSEHOLD, Urgency.NORMAL, true, false));
    BpmnAwareTests.assertThat(pi).isWaitingAt(DemandIntakeProcess.TASK_ON_SITE_ANSWER);
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("member");
    assertThat(task(pi).getDueDate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime())
        .isEqualTo(java.time.LocalTime.of(23, 59, 59));
    complete(task(pi), withVariables("resultText", "已当场解释新农合报销政策。"));
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void proposalRoute_goesToTheProposalCommittee_dueInTenWorkingDaysOnTheOfficialCalendar() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant()));
    ProcessInstance pi = instance(submit(Category.ELDERLY, Scope.COUNTY, Urgency.NORMAL, false, false));
    BpmnAwareTests.assertThat(pi).isWaitingAt(DemandIntakeProcess.TASK_PROPOSAL_REVIEW);
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("proposal-committee");
    // "10WD" through the engine's business calendar: Oct 8, 9, 10 (Sat, make-up), 12–16, 19, 20 → 20 October 17:30
    assertThat(task(pi).getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-20T17:30:00+08:00").toInstant());
  }

  @Test
  void aFailureAnywhere_leavesNothingBehind() {
    long before = demands.count();
    long instances = runtimeService.createProcessInstanceQuery().count();
    String unique = UUID.randomUUID().toString();
    DemandRequest broken = new DemandRequest("x", "y", Category.TRANSPORT, Scope.VILLAGE, Urgency.NORMAL, Channel.HOTLINE,
        "中峰镇", "村", null, false, false, null, 1, List.of(), 0, unique, null, null, null, null);
    engine.getRepositoryService().suspendProcessDefinitionByKey(DemandIntakeProcess.KEY);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.submit(broken, null, "clerk"));
    } finally {
      engine.getRepositoryService().activateProcessDefinitionByKey(DemandIntakeProcess.KEY);
    }
    assertThat(demands.count()).isEqualTo(before);
    assertThat(demands.findByIdempotencyKey(unique)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void dueSoonFilter_followsWorkingDays_andOverdueFilterShowsLateTasks() {
    ProcessInstance pi = instance(submit(Category.TRANSPORT, Scope.VILLAGE, Urgency.NORMAL, false, false));
    Task reply = task(pi);
    reply.setDueDate(Date.from(OffsetDateTime.parse("2026-10-08T17:30:00+08:00").toInstant())); // first working day after National Day
    taskService.saveTask(reply);
    identityService.setAuthentication("transport", List.of("dept-transport"));
    String dueSoon = filterService.createFilterQuery().filterName("即将到期").singleResult().getId();
    String overdue = filterService.createFilterQuery().filterName("已超期").singleResult().getId();
    String group = filterService.createFilterQuery().filterName("本组待办").singleResult().getId();

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant()));
    assertThat(ids(filterService.list(dueSoon))).contains(reply.getId());
    assertThat(ids(filterService.list(overdue))).doesNotContain(reply.getId());
    assertThat(ids(filterService.list(group))).contains(reply.getId());

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-25T10:00:00+08:00").toInstant()));
    assertThat(ids(filterService.list(dueSoon))).as("not due within a working day before the holiday").doesNotContain(reply.getId());

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-10-09T09:00:00+08:00").toInstant()));
    assertThat(ids(filterService.list(overdue))).contains(reply.getId());
    assertThat(ids(filterService.list(dueSoon))).doesNotContain(reply.getId());

    identityService.setAuthentication("housing", List.of("dept-housing"));
    assertThat(ids(filterService.list(overdue))).doesNotContain(reply.getId());
  }

  static List<String> ids(List<?> tasks) {
    return tasks.stream().map(t -> ((Task) t).getId()).toList();
  }
}
