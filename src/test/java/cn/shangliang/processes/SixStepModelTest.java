package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shangliang.support.ModelEngine;
import cn.shangliang.support.ModelEngine.Calls;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SixStepConsultationProcess on the engine alone: every path of the model with its beans stood in for — which task
 * waits, for whom, which bean the model calls, where the called processes start. The application's own behaviour
 * on these paths is SixStepConsultationProcessTest's.
 */
@Tag("no-database")
class SixStepModelTest {
  static final String KEY = "SixStepConsultationProcess";
  final ProcessEngine engine = ModelEngine.get();
  final Calls calls = new Calls();
  final Deque<String> publicityOutcomes = new ArrayDeque<>();
  String deploymentId;
  /** What the routing stand-in answers at triage and after the decision. */
  Map<String, Object> triage;
  Map<String, Object> handling;

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/consultation/SixStepConsultationProcess.bpmn")
        .addModelInstance("DepartmentReplyProcess.bpmn", ModelEngine.calledProcess("DepartmentReplyProcess", "departmentReplies"))
        .addModelInstance("ProposalProcess.bpmn", ModelEngine.calledProcess("ProposalProcess", "proposals"))
        .addModelInstance("PublicityProcess.bpmn", ModelEngine.calledProcess("PublicityProcess", "publicity"))
        .deploy().getId();
    calls.executionListener("registerFromStartForm");
    calls.delegate("routeDemand", execution -> execution.setVariables(triage));
    calls.delegate("routeHandling", execution -> execution.setVariables(handling));
    calls.delegate("assignInvestigator", execution -> execution.setVariable("investigator", "member1"));
    calls.delegate("notifyParticipants");
    calls.delegate("startSecondHandling");
    calls.delegate("departmentReplies", execution -> execution.setVariable("resultText", "部门已答复"));
    calls.delegate("proposals", execution -> execution.setVariable("resultText", "提案已办理"));
    calls.delegate("publicity", execution -> execution.setVariable("publicityOutcome",
        publicityOutcomes.isEmpty() ? "CLOSED" : publicityOutcomes.pop()));
    for (String listener : List.of("prefillInvestigation", "recordInvestigation", "offerPlatforms", "scheduleMeeting",
        "offerMembers", "recordMeeting", "offerOwners", "recordDecision", "recordAnswer", "recordSecondHandlingAnswer")) {
      calls.taskListener(listener);
    }
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
  }

  /** What 分层分类办事 hands the model. */
  static Map<String, Object> route(String route) {
    return Map.of("route", route, "routeDeadline", new Date(System.currentTimeMillis() + 86_400_000L));
  }

  /** What 受理研判 hands the model: the route, and where its gateway goes ({@code triageOutcome}). */
  static Map<String, Object> triage(String route, String triageOutcome) {
    return Map.of("route", route, "triageOutcome", triageOutcome, "routeDeadline", new Date(System.currentTimeMillis() + 86_400_000L));
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, "SL-TEST-1",
        Map.of("demandId", 1L, "trackingCode", "SL-TEST-1", "demandTitle", "村口路灯不亮", "collectingMember", "member2"));
  }

  void complete(ProcessInstance instance, String taskKey) {
    engine.getTaskService().complete(ModelEngine.task(instance.getId(), taskKey).getId());
    ModelEngine.runDueJobs();
  }

  void throughDecision(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("UserTask_Investigate");
    assertThat(ModelEngine.task(instance.getId(), "UserTask_Investigate").getAssignee()).isEqualTo("member1");
    complete(instance, "UserTask_Investigate");
    complete(instance, "UserTask_ScheduleMeeting");
    assertThat(instance).isWaitingAt("UserTask_RecordMeeting");
    complete(instance, "UserTask_RecordMeeting");
    complete(instance, "UserTask_Decide");
  }

  @Test
  void onSite_theCollectingMemberAnswers_thenPublicity() {
    triage = triage("ON_SITE", "ON_SITE");
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("UserTask_OnSiteAnswer");
    assertThat(ModelEngine.task(instance.getId(), "UserTask_OnSiteAnswer").getAssignee()).isEqualTo("member2");
    complete(instance, "UserTask_OnSiteAnswer");
    assertThat(instance).isEnded().hasPassed("CallActivity_Publicity", "EndEvent_ResultPublished")
        .hasNotPassed("UserTask_Investigate");
    assertThat(calls.names()).containsExactly("registerFromStartForm", "routeDemand", "recordAnswer", "publicity");
  }

  @Test
  void departmentActsAtOnce_noInvestigation() {
    triage = triage("DEPARTMENT", "DEPARTMENT_AT_ONCE");
    ProcessInstance instance = start();
    assertThat(instance).isEnded().hasPassed("CallActivity_DepartmentReply", "CallActivity_Publicity")
        .hasNotPassed("UserTask_Investigate", "BusinessRuleTask_RouteHandling");
  }

  @Test
  void investigated_deliberated_decided_thenTheDepartmentReplies() {
    triage = triage("DEPARTMENT", "INVESTIGATE");
    handling = route("DEPARTMENT");
    ProcessInstance instance = start();
    throughDecision(instance);
    assertThat(instance).isEnded().hasPassed("ServiceTask_NotifyParticipants", "BusinessRuleTask_RouteHandling",
        "CallActivity_DepartmentReply", "CallActivity_Publicity");
    assertThat(calls.names()).containsSubsequence("assignInvestigator", "prefillInvestigation", "recordInvestigation",
        "offerPlatforms", "scheduleMeeting", "notifyParticipants", "offerMembers", "recordMeeting", "offerOwners", "recordDecision",
        "routeHandling", "departmentReplies",
        "publicity");
  }

  @Test
  void decidedAsAProposal_orAnsweredByTheMember() {
    triage = triage("DEPARTMENT", "INVESTIGATE");
    handling = route("PROPOSAL");
    ProcessInstance proposal = start();
    throughDecision(proposal);
    assertThat(proposal).isEnded().hasPassed("CallActivity_Proposal").hasNotPassed("CallActivity_DepartmentReply");

    handling = route("ON_SITE");
    ProcessInstance answered = start();
    throughDecision(answered);
    assertThat(answered).isWaitingAt("UserTask_HandlingAnswer");
    complete(answered, "UserTask_HandlingAnswer");
    assertThat(answered).isEnded().hasPassed("CallActivity_Publicity");
  }

  @Test
  void unsatisfiedAfterPublicity_secondHandlingByTheDepartment_orByTheMember() {
    triage = triage("DEPARTMENT", "DEPARTMENT_AT_ONCE");
    publicityOutcomes.push("SECOND_HANDLING");
    ProcessInstance department = start();
    assertThat(department).isEnded().hasPassed("ServiceTask_StartSecondHandling");
    assertThat(calls.names().stream().filter("departmentReplies"::equals)).hasSize(2);

    triage = triage("ON_SITE", "ON_SITE");
    publicityOutcomes.push("SECOND_HANDLING");
    ProcessInstance member = start();
    complete(member, "UserTask_OnSiteAnswer");
    assertThat(member).isWaitingAt("UserTask_SecondHandlingAnswer");
    complete(member, "UserTask_SecondHandlingAnswer");
    assertThat(member).isEnded();
  }
}
