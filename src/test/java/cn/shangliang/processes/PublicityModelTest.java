package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shangliang.support.ModelEngine;
import cn.shangliang.support.ModelEngine.Calls;
import java.time.Duration;
import java.util.Date;
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
 * PublicityProcess on the engine alone: the 7-day window with objections (answered, or upheld: withdrawn and handled
 * again), then the satisfaction evaluations — answered in time, or lapsing after 15 days — and their outcome.
 */
@Tag("no-database")
class PublicityModelTest {
  final ProcessEngine engine = ModelEngine.get();
  final Calls calls = new Calls();
  String deploymentId;
  String outcome = "CLOSED";
  boolean upheld;

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(new Date(1_800_000_000_000L));
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/publicity/PublicityProcess.bpmn").deploy().getId();
    calls.delegate("publishNotice", execution -> execution.setVariable("publicityPeriod", "P7D"));
    calls.delegate("publishObjectionAnswer");
    calls.delegate("withdrawNotice", execution -> execution.getProcessInstance().setVariable("publicityOutcome", "SECOND_HANDLING"));
    calls.delegate("closePublicity");
    calls.delegate("openEvaluations", execution -> execution.setVariable("evaluationDueAt",
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15)))));
    calls.delegate("recordNoAnswer");
    calls.delegate("concludeEvaluations", execution -> execution.setVariable("publicityOutcome", outcome));
    calls.taskListener("recordUnsatisfiedSupervision");
    Mocks.register("reviewObjection", (TaskListener) task -> task.setVariable("objectionUpheld", upheld));
  }

  @AfterEach
  void undeploy() {
    ModelEngine.undeploy(deploymentId);
  }

  ProcessInstance publish() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("PublicityProcess", "SL-TEST-3",
        Map.of("demandId", 1L, "trackingCode", "SL-TEST-3"));
    ModelEngine.runDueJobs();
    return instance;
  }

  void object(ProcessInstance instance) {
    engine.getRuntimeService().createMessageCorrelation("PublicityObjection").processInstanceId(instance.getId()).correlate();
    assertThat(instance).isWaitingAt("UserTask_ReviewObjection");
    engine.getTaskService().complete(ModelEngine.task(instance.getId(), "UserTask_ReviewObjection").getId());
  }

  @Test
  void anAnsweredObjection_keepsTheWindowOpen_evaluationsInTime_close() {
    ProcessInstance instance = publish();
    assertThat(instance).isWaitingAt("IntermediateCatchEvent_PublicityWindow");
    object(instance);
    assertThat(instance).isWaitingAt("IntermediateCatchEvent_PublicityWindow").hasPassed("ServiceTask_PublishObjectionAnswer");
    ModelEngine.after(Duration.ofDays(7).plusMinutes(1));
    assertThat(instance).isWaitingAt("ReceiveTask_AwaitEvaluations");
    engine.getRuntimeService().createMessageCorrelation("EvaluationsComplete").processInstanceId(instance.getId()).correlate();
    ModelEngine.runDueJobs();
    assertThat(instance).isEnded().hasPassed("EndEvent_Closed").hasNotPassed("ServiceTask_RecordNoAnswer");
  }

  @Test
  void anUpheldObjection_withdrawsTheNotice_forSecondHandling() {
    upheld = true;
    ProcessInstance instance = publish();
    object(instance);
    assertThat(instance).isEnded().hasPassed("ServiceTask_WithdrawNotice", "EndEvent_ObjectionUpheld")
        .hasNotPassed("ServiceTask_ClosePublicity");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("publicityOutcome").singleResult().getValue()).isEqualTo("SECOND_HANDLING");
  }

  @Test
  void nobodyEvaluatesIn15Days_recordedAsNoAnswer_thenTheOutcomeDecides() {
    outcome = "SUPERVISION";
    ProcessInstance instance = publish();
    ModelEngine.after(Duration.ofDays(7).plusMinutes(1));
    ModelEngine.after(Duration.ofDays(15).plusMinutes(1));
    assertThat(instance).hasPassed("ServiceTask_RecordNoAnswer", "ServiceTask_ConcludeEvaluations")
        .isWaitingAt("UserTask_UnsatisfiedSupervision");
    engine.getTaskService().complete(ModelEngine.task(instance.getId(), "UserTask_UnsatisfiedSupervision").getId());
    assertThat(instance).isEnded().hasPassed("EndEvent_Supervised");

    outcome = "SECOND_HANDLING";
    ProcessInstance again = publish();
    ModelEngine.after(Duration.ofDays(7).plusMinutes(1));
    ModelEngine.after(Duration.ofDays(15).plusMinutes(1));
    assertThat(again).isEnded().hasPassed("EndEvent_SecondHandling");
    assertThat(calls.names()).containsSubsequence("publishNotice", "closePublicity", "openEvaluations", "recordNoAnswer",
        "concludeEvaluations");
  }
}
