package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shangliang.processes.DepartmentReplyModelTest.CoHandlers;
import cn.shangliang.support.ModelEngine;
import cn.shangliang.support.ModelEngine.Calls;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ProposalProcess on the engine alone: 立案审查 (register, merge, forward), 交办 to lead and co-units on the reply clock,
 * 沟通协商 then 答复, the proposer's evaluation (in time or defaulted after 15 days), one re-handling when dissatisfied,
 * and the follow-up (回头看) for the classes that call for it. The gateways read the outcomes the glue writes
 * ({@code evaluationOutcome}, {@code followUpNeeded}); the mocks decide them as the policy would with two rounds.
 */
@Tag("no-database")
class ProposalModelTest {
  final ProcessEngine engine = ModelEngine.get();
  final Calls calls = new Calls();
  String deploymentId;
  String decision = "REGISTER";
  String evaluation = "SATISFIED";
  String replyClass = "A";

  /** The reply classes of the tests: class B calls for a follow-up review. */
  public static boolean followUp(String replyClass) {
    return "B".equals(replyClass);
  }

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(new Date(1_800_000_000_000L));
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/proposal/ProposalProcess.bpmn")
        .addClasspathResource("processes/handling/ReplyClockProcess.bpmn").deploy().getId();
    Date now = ClockUtil.getCurrentTime();
    calls.delegate("prepareProposalDraft");
    calls.delegate("startReplyClock", execution -> {
      execution.setVariable("reminderAt", plus(now, Duration.ofDays(60)));
      execution.setVariable("supervisionDueAt", plus(now, Duration.ofDays(95)));
      execution.setVariable("keySupervisionDueAt", plus(now, Duration.ofDays(99)));
      execution.setVariable("coOpinionDueAt", plus(now, Duration.ofDays(50)));
    });
    calls.delegate("remindDepartment");
    calls.delegate("recordBreach");
    calls.delegate("escalateBreach");
    calls.delegate("startProposalReHandling", execution -> execution.setVariable("handlingRound",
        ((Number) execution.getVariable("handlingRound")).intValue() + 1));
    calls.delegate("defaultProposalEvaluation", execution -> execution.setVariable("evaluationOutcome", "CONCLUDE"));
    calls.delegate("concludeProposal", execution -> execution.setVariable("followUpNeeded",
        followUp((String) execution.getVariable("replyClass"))));
    calls.delegate("scheduleFollowUp");
    for (String listener : List.of("offerToProposers", "offerMemberOptions", "offerMergeTargets", "draftProposal", "recordProposerContact", "recordCoOpinion",
        "recordSupervision")) {
      calls.taskListener(listener);
    }
    Mocks.register("reviewRegistration", (TaskListener) task -> task.setVariable("registrationDecision", decision));
    Mocks.register("assignProposal", (TaskListener) task -> task.setVariables(Map.of("leadGroup", "dept-transport",
        "coDepartments", "water", "replyDueAt", plus(now, Duration.ofDays(93)), "handlingRound", 1, "maxHandlingRounds", 2)));
    Mocks.register("recordProposalReply", (TaskListener) task -> {
      task.setVariable("replyClass", replyClass);
      task.setVariable("evaluationDueAt", plus(ClockUtil.getCurrentTime(), Duration.ofDays(15)));
    });
    Mocks.register("recordProposalEvaluation", (TaskListener) task -> task.setVariable("evaluationOutcome",
        evaluation.equals("DISSATISFIED") && (int) task.getVariable("handlingRound") < 2 ? "RE_HANDLE" : "CONCLUDE"));
    Mocks.register("coHandlers", new CoHandlers());
  }

  @AfterEach
  void undeploy() {
    ModelEngine.undeploy(deploymentId);
  }

  static Date plus(Date from, Duration duration) {
    return Date.from(from.toInstant().plus(duration));
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("ProposalProcess", "SL-TEST-4",
        Map.of("demandId", 1L, "trackingCode", "SL-TEST-4"));
  }

  void complete(ProcessInstance instance, String taskKey) {
    engine.getTaskService().complete(ModelEngine.task(instance.getId(), taskKey).getId());
  }

  ProcessInstance assigned() {
    ProcessInstance instance = start();
    complete(instance, "UserTask_DraftProposal");
    complete(instance, "UserTask_RegistrationReview");
    complete(instance, "UserTask_AssignUnits");
    return instance;
  }

  void replied(ProcessInstance instance) {
    complete(instance, "UserTask_ContactProposer");
    complete(instance, "UserTask_ProposalReply");
  }

  @Test
  void mergedOrForwarded_endAtTheReview() {
    decision = "MERGE";
    ProcessInstance merged = start();
    complete(merged, "UserTask_DraftProposal");
    complete(merged, "UserTask_RegistrationReview");
    assertThat(merged).isEnded().hasPassed("EndEvent_Merged");
    decision = "FORWARD";
    ProcessInstance forwarded = start();
    complete(forwarded, "UserTask_DraftProposal");
    complete(forwarded, "UserTask_RegistrationReview");
    assertThat(forwarded).isEnded().hasPassed("EndEvent_Forwarded");
  }

  @Test
  void assigned_contactThenReply_coUnitAlongside_satisfied_closes() {
    ProcessInstance instance = assigned();
    assertThat(instance).isWaitingAt("UserTask_ContactProposer", "UserTask_CoUnitOpinion");
    replied(instance);
    assertThat(instance).isWaitingAt("UserTask_ProposerEvaluation");
    complete(instance, "UserTask_ProposerEvaluation");
    assertThat(instance).isEnded().hasPassed("ServiceTask_Conclude", "EndEvent_Closed").hasNotPassed("ServiceTask_ScheduleFollowUp");
  }

  @Test
  void dissatisfied_handledOnceMore_thenClassB_isFollowedUp() {
    evaluation = "DISSATISFIED";
    replyClass = "B";
    ProcessInstance instance = assigned();
    replied(instance);
    complete(instance, "UserTask_ProposerEvaluation");
    assertThat(instance).hasPassed("ServiceTask_ReHandling").isWaitingAt("UserTask_ContactProposer");
    assertThat(calls.names().stream().filter("startReplyClock"::equals)).as("a new clock for the re-handling").hasSize(2);
    replied(instance);
    complete(instance, "UserTask_ProposerEvaluation");
    assertThat(instance).as("two rounds at most").isEnded().hasPassed("ServiceTask_ScheduleFollowUp", "EndEvent_FollowUpScheduled");
  }

  @Test
  void noEvaluationIn15Days_isSatisfiedByDefault_andTheClockRemindsAndBreaches() {
    ProcessInstance instance = assigned();
    ModelEngine.after(Duration.ofDays(61));
    assertThat(calls.names()).contains("remindDepartment");
    ModelEngine.after(Duration.ofDays(33));
    assertThat(instance).isWaitingAt("UserTask_ContactProposer", "UserTask_CoUnitOpinion", "CallActivity_ReplyClock");
    ProcessInstance clock = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .singleResult();
    assertThat(clock).isWaitingAt("UserTask_Supervise");
    replied(instance);
    assertThat(clock).as("the reply ends the clock").isEnded();
    assertThat(instance).isWaitingAt("UserTask_ProposerEvaluation");
    ModelEngine.after(Duration.ofDays(16));
    assertThat(instance).isEnded().hasPassed("ServiceTask_DefaultEvaluation", "EndEvent_Closed");
  }
}
