package cn.shangliang.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.SixStepConsultationProcess;
import cn.shangliang.intake.Channel;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.support.Http;
import cn.shangliang.support.ModelerDeployment;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #21 item 3: a process designer adds a step to the main process in Modeler — a user task with a Camunda Form,
 * no Java — and deploys it through {@code /engine-rest/deployment/create} as Modeler does. A new matter runs through it:
 * the task carries the matter in its name, its form shows the task's context at the top, its candidates are told, its
 * completion (who, when, the values under their labels) is in the history and the step records, and the matter reads
 * 已办结 only when the added step is done. A matter started before the change stays on its version.
 */
@PlatformTest
class DesignerChangeTest {
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String ARCHIVE_FORM = """
      {"id":"archive-review","type":"default","schemaVersion":16,"executionPlatform":"Camunda Platform",
       "executionPlatformVersion":"7.24.0","components":[
        {"type":"textarea","id":"Field_Opinion","key":"archiveOpinion","label":"复核意见","validate":{"required":true}},
        {"type":"checkbox","id":"Field_Archived","key":"archived","label":"同意归档"}]}
      """;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired JdbcTemplate jdbc;
  String deploymentId;

  @AfterEach
  void removeTheChange() {
    ClockUtil.reset();
    // other tests share this engine: the main process's latest version must be ours again
    if (deploymentId != null) engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  Steps onSiteMatter(String title) {
    var submitted = intake.submit(new DemandRequest(title, "村民咨询医保报销政策，想了解门诊报销比例。", Category.POLICY, Scope.HOUSEHOLD,
        Urgency.NORMAL, Channel.MEMBER_VISIT, "中峰镇", "归档村", new DemandRequest.Submitter("张三", "13812341234"), true, false,
        new BigDecimal("0"), 1, List.of(), 1, null, null, null, "member1", null), null, "clerk");
    return new Steps(engine, submitted.demand().getTrackingCode());
  }

  void answerAndClosePublicity(Steps matter) {
    matter.complete(SixStepConsultationProcess.TASK_ON_SITE_ANSWER, "member1", List.of("member"),
        Map.of("resultText", "已当场解释门诊报销政策。"));
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).plusSeconds(60)));
    matter.fireDueTimers();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15)).plusSeconds(60)));
    matter.fireDueTimers();
  }

  /** The main model as it is in processes/, with 归档复核 between 办结 and the end, as a designer would draw it. */
  static String changedModel() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/consultation/SixStepConsultationProcess.bpmn"));
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    SequenceFlow done = model.getModelElementById("Flow_PublicityOutcomeToResultPublished");
    FlowNode end = done.getTarget();
    UserTask review = model.newInstance(UserTask.class);
    review.setId("UserTask_ArchiveReview");
    review.setName("归档复核");
    review.setCamundaCandidateGroups("liaison-office");
    review.setCamundaDueDate("2WD");
    review.setAttributeValueNs(CAMUNDA, "formRef", "archive-review");
    review.setAttributeValueNs(CAMUNDA, "formRefBinding", "latest");
    process.addChildElement(review);
    SequenceFlow toEnd = model.newInstance(SequenceFlow.class);
    toEnd.setId("Flow_ArchiveReviewToResultPublished");
    process.addChildElement(toEnd);
    toEnd.setSource(review);
    toEnd.setTarget(end);
    done.setTarget(review);
    review.getIncoming().add(done);
    review.getOutgoing().add(toEnd);
    end.getIncoming().remove(done);
    end.getIncoming().add(toEnd);
    return Bpmn.convertToString(model);
  }

  @Test
  void aStepAddedInModeler_runsLikeABuiltInOne_andTheMatterClosesAfterIt() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-02T10:00:00+08:00").toInstant()));
    Steps before = onSiteMatter("改版前的诉求 " + UUID.randomUUID().toString().substring(0, 6));
    String oldDefinition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(before.code())
        .singleResult().getProcessDefinitionId();

    Http designer = new Http(port).as("designer");
    Http.Response deployed = ModelerDeployment.deploy(designer, "归档复核",
        Map.of("SixStepConsultationProcess.bpmn", changedModel(), "archive-review.form", ARCHIVE_FORM));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    deploymentId = deployed.json().get("id").asText();

    String title = "改版后的诉求 " + UUID.randomUUID().toString().substring(0, 6);
    Steps after = onSiteMatter(title);
    answerAndClosePublicity(after);
    assertThat(after.openTasks()).containsExactly("UserTask_ArchiveReview");
    Task review = after.task("UserTask_ArchiveReview");
    assertThat(review.getName()).isEqualTo("归档复核：" + title);

    // not closed while a step runs: not in the staff view, not to the public
    Http liaison = new Http(port).as("liaison");
    assertThat(liaison.get("/api/demands/" + after.code()).json().get("status").asText()).isNotEqualTo("CLOSED");
    assertThat(new Http(port).get("/api/public/demands/" + after.code()).json().get("status").asText()).isNotEqualTo("CLOSED");

    // the form shows the task's context first, though the designer's form did not have it
    JsonNode form = liaison.get("/engine-rest/task/" + review.getId() + "/deployed-form").json();
    assertThat(form.get("components").get(0).get("key").asText()).isEqualTo("taskDeadline");
    assertThat(form.get("components").get(1).get("key").asText()).isEqualTo("taskHistory");
    assertThat(engine.getTaskService().getVariableLocal(review.getId(), "taskHistory")).asString().contains("公示");
    // its candidates were told
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_group = 'liaison-office' "
        + "AND tracking_code = ? AND kind = 'TASK' AND title = ?", Integer.class, after.code(), "新任务：归档复核：" + title))
        .isEqualTo(1);

    after.complete("UserTask_ArchiveReview", "liaison", List.of("liaison-office"),
        Map.of("archiveOpinion", "材料齐全，同意归档", "archived", true));
    JsonNode view = liaison.get("/api/demands/" + after.code()).json();
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("history").findValuesAsText("detail")).contains("「归档复核」已完成：复核意见：材料齐全，同意归档；同意归档：是");
    JsonNode step = view.get("steps").get("otherSteps").get(0);
    assertThat(step.get("step").asText()).isEqualTo("归档复核");
    assertThat(step.get("completedBy").asText()).isEqualTo("liaison");
    assertThat(step.get("fields").findValuesAsText("label")).containsExactly("复核意见", "同意归档");

    // the matter started before the change stays on its version and closes without the new step
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(before.code())
        .singleResult().getProcessDefinitionId()).isEqualTo(oldDefinition);
    answerAndClosePublicity(before);
    assertThat(before.openTasks()).isEmpty();
    assertThat(liaison.get("/api/demands/" + before.code()).json().get("status").asText()).isEqualTo("CLOSED");
  }
}
