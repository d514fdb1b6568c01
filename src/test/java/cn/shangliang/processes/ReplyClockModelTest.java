package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shangliang.support.ModelEngine;
import cn.shangliang.support.ModelEngine.Calls;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ReplyClockProcess on the engine alone: the reminder at {@code reminderAt}, the breach at {@code replyDueAt} with its
 * supervision, the escalation at {@code supervisionDueAt} with the key supervision; each on its own, all three on the
 * dates the caller's {@code ${startReplyClock}} wrote.
 */
@Tag("no-database")
class ReplyClockModelTest {
  final ProcessEngine engine = ModelEngine.get();
  final Calls calls = new Calls();
  String deploymentId;

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(new Date(1_800_000_000_000L));
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/handling/ReplyClockProcess.bpmn").deploy().getId();
    for (String delegate : List.of("remindDepartment", "recordBreach", "escalateBreach")) calls.delegate(delegate);
    calls.taskListener("recordSupervision");
  }

  @AfterEach
  void undeploy() {
    ModelEngine.undeploy(deploymentId);
  }

  static Date inHours(long hours) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(hours)));
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("ReplyClockProcess", "SL-TEST-9", Map.of(
        "reminderAt", inHours(75), "replyDueAt", inHours(100), "supervisionDueAt", inHours(148),
        "keySupervisionDueAt", inHours(196)));
  }

  @Test
  void waitsOnTheThreeDates_remindsThenBreachesThenEscalates() {
    ProcessInstance clock = start();
    assertThat(clock).isWaitingAt("IntermediateCatchEvent_ReplyReminder", "IntermediateCatchEvent_ReplyOverdue",
        "IntermediateCatchEvent_SupervisionLapsed");
    ModelEngine.after(Duration.ofHours(76));
    assertThat(calls.names()).containsExactly("remindDepartment");
    ModelEngine.after(Duration.ofHours(25));
    assertThat(calls.names()).containsExactly("remindDepartment", "recordBreach");
    assertThat(clock).isWaitingAt("UserTask_Supervise");
    assertThat(ModelEngine.task(clock.getId(), "UserTask_Supervise").getDueDate()).isEqualTo(inHours(47));
    ModelEngine.after(Duration.ofHours(48));
    assertThat(calls.names()).containsExactly("remindDepartment", "recordBreach", "escalateBreach");
    assertThat(clock).isWaitingAt("UserTask_Supervise", "UserTask_KeySupervision");
    assertThat(BpmnAwareTests.taskService().getIdentityLinksForTask(ModelEngine.task(clock.getId(), "UserTask_KeySupervision")
        .getId()).stream().map(link -> link.getGroupId())).containsExactly("leadership");
  }

  @Test
  void supervisedAndKeySupervised_theClockHasRunItsCourse() {
    ProcessInstance clock = start();
    ModelEngine.after(Duration.ofHours(149));
    engine.getTaskService().complete(ModelEngine.task(clock.getId(), "UserTask_Supervise").getId());
    assertThat(clock).isNotEnded();
    engine.getTaskService().complete(ModelEngine.task(clock.getId(), "UserTask_KeySupervision").getId());
    assertThat(clock).isEnded().hasPassed("EndEvent_Reminded", "EndEvent_Supervised", "EndEvent_KeySupervised");
    assertThat(calls.names()).containsExactly("remindDepartment", "recordBreach", "escalateBreach", "recordSupervision",
        "recordSupervision");
  }
}
