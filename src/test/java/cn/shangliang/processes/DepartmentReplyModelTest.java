package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shangliang.support.ModelEngine;
import cn.shangliang.support.ModelEngine.Calls;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DepartmentReplyProcess on the engine alone: the lead department's reply and the co-handlers' opinions in parallel,
 * the 75 % reminder, the breach with its supervision, the escalation, the liaison office's review with return.
 */
@Tag("no-database")
class DepartmentReplyModelTest {
  final ProcessEngine engine = ModelEngine.get();
  final Calls calls = new Calls();
  String deploymentId;
  boolean accept = true;

  /** The {@code coHandlers} bean: "a,b" → the groups dept-a, dept-b. */
  public static final class CoHandlers {
    public List<String> groups(String departments) {
      return departments == null || departments.isBlank() ? List.of()
          : List.of(departments.split(",")).stream().map(d -> "dept-" + d.strip()).toList();
    }
  }

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(new Date(1_800_000_000_000L));
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/handling/DepartmentReplyProcess.bpmn")
        .addClasspathResource("processes/handling/ReplyClockProcess.bpmn").deploy().getId();
    Date now = ClockUtil.getCurrentTime();
    calls.delegate("startReplyClock", execution -> {
      execution.setVariable("reminderAt", plusHours(now, 75));
      execution.setVariable("supervisionDueAt", plusHours(now, 148));
      execution.setVariable("keySupervisionDueAt", plusHours(now, 196));
      execution.setVariable("coOpinionDueAt", plusHours(now, 66));
    });
    calls.delegate("remindDepartment");
    calls.delegate("recordBreach");
    calls.delegate("escalateBreach");
    for (String listener : List.of("recordReply", "recordCoOpinion", "recordSupervision")) calls.taskListener(listener);
    Mocks.register("reviewReply", (TaskListener) task -> task.setVariable("replyAccepted", accept));
    Mocks.register("coHandlers", new CoHandlers());
  }

  @AfterEach
  void undeploy() {
    ModelEngine.undeploy(deploymentId);
  }

  static Date plusHours(Date from, long hours) {
    return Date.from(from.toInstant().plus(Duration.ofHours(hours)));
  }

  ProcessInstance start(String coDepartments) {
    Map<String, Object> variables = new HashMap<>(Map.of("demandId", 1L, "trackingCode", "SL-TEST-2", "leadGroup", "dept-water",
        "coDepartments", coDepartments, "replyDueAt", plusHours(ClockUtil.getCurrentTime(), 100)));
    return engine.getRuntimeService().startProcessInstanceByKey("DepartmentReplyProcess", "SL-TEST-2", variables);
  }

  List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
        .filter(Objects::nonNull).toList();
  }

  /** The ReplyClockProcess the reply work called. */
  ProcessInstance clock(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
  }

  void complete(ProcessInstance instance, String taskKey) {
    engine.getTaskService().complete(ModelEngine.task(instance.getId(), taskKey).getId());
  }

  @Test
  void leadAndCoHandlers_inParallel_theReplyEndsTheWait_thenReview() {
    ProcessInstance instance = start("transport,township");
    assertThat(instance).isWaitingAt("UserTask_DepartmentReply", "UserTask_CoHandlerOpinion", "CallActivity_ReplyClock");
    ProcessInstance clock = clock(instance);
    assertThat(clock.getBusinessKey()).isEqualTo("SL-TEST-2");
    var opinions = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("UserTask_CoHandlerOpinion").list();
    assertThat(opinions).hasSize(2);
    assertThat(opinions.stream().flatMap(t -> candidateGroups(t.getId()).stream())).containsExactlyInAnyOrder("dept-transport", "dept-township");
    assertThat(candidateGroups(ModelEngine.task(instance.getId(), "UserTask_DepartmentReply").getId())).containsExactly("dept-water");
    complete(instance, "UserTask_DepartmentReply");
    assertThat(instance).isWaitingAt("UserTask_ReviewReply");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("UserTask_CoHandlerOpinion").count()).as("a reply given ends the co-handlers' wait").isZero();
    assertThat(clock).as("and the clock").isEnded();
    complete(instance, "UserTask_ReviewReply");
    assertThat(instance).isEnded().hasPassed("EndEvent_ReplyAccepted");
  }

  @Test
  void aReturnedReply_isDueAgain_onTheSameClock() {
    ProcessInstance instance = start("");
    accept = false;
    complete(instance, "UserTask_DepartmentReply");
    complete(instance, "UserTask_ReviewReply");
    assertThat(instance).isWaitingAt("UserTask_DepartmentReply");
    assertThat(calls.names().stream().filter("startReplyClock"::equals)).as("the clock started once").hasSize(1);
    assertThat(clock(instance)).as("and runs on, called again").isNotNull();
    accept = true;
    complete(instance, "UserTask_DepartmentReply");
    complete(instance, "UserTask_ReviewReply");
    assertThat(instance).isEnded();
  }

  @Test
  void reminder_breach_supervision_escalation_andTheReplyStillOwed() {
    ProcessInstance instance = start("");
    ModelEngine.after(Duration.ofHours(76));
    assertThat(calls.names()).contains("remindDepartment");
    ModelEngine.after(Duration.ofHours(25));
    assertThat(calls.names()).contains("recordBreach");
    ProcessInstance clock = clock(instance);
    assertThat(instance).isWaitingAt("UserTask_DepartmentReply", "CallActivity_ReplyClock");
    assertThat(clock).isWaitingAt("UserTask_Supervise");
    ModelEngine.after(Duration.ofHours(48));
    assertThat(calls.names()).contains("escalateBreach");
    assertThat(clock).isWaitingAt("UserTask_Supervise", "UserTask_KeySupervision");
    complete(instance, "UserTask_DepartmentReply");
    assertThat(instance).as("the reply closes the supervision tasks").isWaitingAt("UserTask_ReviewReply");
    assertThat(clock).isEnded();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
  }
}
