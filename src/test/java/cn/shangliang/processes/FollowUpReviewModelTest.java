package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shangliang.support.ModelEngine;
import cn.shangliang.support.ModelEngine.Calls;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * FollowUpReviewProcess (回头看) on the engine alone: six months after a class-B reply the unit checks itself, the
 * rules may select it for the leadership's inspection, a matter still pending has its causes reviewed and is handled
 * again and evaluated again; it is reviewed round after round until its class no longer calls for it.
 */
@Tag("no-database")
class FollowUpReviewModelTest {
  final ProcessEngine engine = ModelEngine.get();
  final Calls calls = new Calls();
  String deploymentId;
  boolean keySupervision;
  /** The class the self-check reports, round after round; the proposal's class after each round. */
  final Deque<String> currentClasses = new ArrayDeque<>();
  final Deque<String> classesAfterRound = new ArrayDeque<>();

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(new Date(1_800_000_000_000L));
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/proposal/FollowUpReviewProcess.bpmn").deploy().getId();
    calls.delegate("openFollowUpReview");
    calls.delegate("selectKeySupervision", execution -> execution.setVariable("keySupervision", keySupervision));
    calls.delegate("reclassifyProposal", execution -> execution.setVariable("evaluationDueAt", later(Duration.ofDays(15))));
    calls.delegate("defaultProposalEvaluation");
    calls.delegate("concludeProposal", execution -> {
      String replyClass = classesAfterRound.pop();
      execution.setVariable("replyClass", replyClass);
      execution.setVariable("followUpNeeded", ProposalModelTest.followUp(replyClass));
      execution.setVariable("followUpAt", later(Duration.ofDays(183)));
    });
    for (String listener : List.of("offerToProposers", "recordProposalEvaluation")) calls.taskListener(listener);
    Mocks.register("recordSelfCheck", (TaskListener) task -> classified(task, currentClasses.pop()));
    Mocks.register("recordInspection", (TaskListener) task -> classified(task, (String) task.getVariable("currentClass")));
    Mocks.register("recordCauseReview", (TaskListener) task -> task.setVariable("secondHandlingDueAt", later(Duration.ofDays(30))));
    Mocks.register("recordSecondHandling", (TaskListener) task -> task.setVariable("evaluationDueAt", later(Duration.ofDays(15))));
  }

  /** What the glue writes after the self-check and the inspection: the class and whether it is still pending. */
  static void classified(DelegateTask task, String currentClass) {
    task.setVariable("currentClass", currentClass);
    task.setVariable("stillPending", ProposalModelTest.followUp(currentClass));
  }

  @AfterEach
  void undeploy() {
    ModelEngine.undeploy(deploymentId);
  }

  static Date later(Duration duration) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
  }

  ProcessInstance scheduled() {
    return engine.getRuntimeService().startProcessInstanceByKey("FollowUpReviewProcess", "SL-TEST-5", Map.of("demandId", 1L,
        "trackingCode", "SL-TEST-5", "leadGroup", "dept-transport", "replyClass", "B", "followUpAt", later(Duration.ofDays(183))));
  }

  void complete(ProcessInstance instance, String taskKey) {
    engine.getTaskService().complete(ModelEngine.task(instance.getId(), taskKey).getId());
  }

  @Test
  void sixMonthsLater_selfCheck_keySupervision_causes_secondHandling_reEvaluation_thenDone() {
    keySupervision = true;
    currentClasses.push("B");
    classesAfterRound.push("A");
    ProcessInstance instance = scheduled();
    assertThat(instance).isWaitingAt("IntermediateCatchEvent_FollowUpDue");
    ModelEngine.after(Duration.ofDays(184));
    assertThat(instance).isWaitingAt("UserTask_SelfCheck");
    complete(instance, "UserTask_SelfCheck");
    assertThat(instance).isWaitingAt("UserTask_Inspection");
    complete(instance, "UserTask_Inspection");
    complete(instance, "UserTask_CauseReview");
    complete(instance, "UserTask_SecondHandling");
    assertThat(instance).isWaitingAt("UserTask_ReEvaluation");
    complete(instance, "UserTask_ReEvaluation");
    assertThat(instance).isEnded().hasPassed("ServiceTask_ConcludeReview", "EndEvent_ReviewsDone");
  }

  @Test
  void notSelected_stillB_reviewedAgainSixMonthsLater_untilSolved_thenReclassified() {
    currentClasses.push("A");
    currentClasses.push("B");
    classesAfterRound.push("A");
    classesAfterRound.push("B");
    ProcessInstance instance = scheduled();
    ModelEngine.after(Duration.ofDays(184));
    complete(instance, "UserTask_SelfCheck");
    assertThat(instance).hasNotPassed("UserTask_Inspection").isWaitingAt("UserTask_CauseReview");
    complete(instance, "UserTask_CauseReview");
    complete(instance, "UserTask_SecondHandling");
    ModelEngine.after(Duration.ofDays(16)); // nobody re-evaluates: satisfied by default
    assertThat(instance).as("class B again: the next round waits").isWaitingAt("IntermediateCatchEvent_FollowUpDue");
    ModelEngine.after(Duration.ofDays(184));
    complete(instance, "UserTask_SelfCheck");
    assertThat(instance).as("solved: reclassified and evaluated again").hasPassed("ServiceTask_Reclassify")
        .isWaitingAt("UserTask_ReEvaluation");
    complete(instance, "UserTask_ReEvaluation");
    assertThat(instance).isEnded().hasPassed("EndEvent_ReviewsDone");
    assertThat(calls.names().stream().filter("openFollowUpReview"::equals)).hasSize(2);
  }
}
