package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.organisation.Groups;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.ModelerDeployment;
import cn.shangliang.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #21, item 5: 流程设计员 deploy a model with a Camunda Form the way Modeler does and read what is deployed,
 * but see no matter (task, process instance, demand) and administer nobody. The /api side of the role is in
 * the authorization matrix.
 */
@PlatformTest
class DesignerRoleTest {
  static final String MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="designer-trial">
        <bpmn:process id="DesignerTrial" name="设计员试用" isExecutable="true">
          <bpmn:startEvent id="StartEvent_1"/>
          <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="UserTask_Check"/>
          <bpmn:userTask id="UserTask_Check" name="核对" camunda:candidateGroups="liaison-office"
              camunda:formRef="designer-trial-form" camunda:formRefBinding="deployment"/>
          <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_Check" targetRef="EndEvent_1"/>
          <bpmn:endEvent id="EndEvent_1"/>
        </bpmn:process>
      </bpmn:definitions>""";
  static final String FORM = """
      {"id": "designer-trial-form", "type": "default", "schemaVersion": 16,
       "components": [{"key": "checked", "label": "已核对", "type": "checkbox"}]}""";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void theDemoDesigner_isAProcessDesigner_withCockpitButNoTasklist() {
    assertThat(identityService.createGroupQuery().groupId(Groups.PROCESS_DESIGNER).singleResult().getName()).isEqualTo("流程设计员");
    assertThat(identityService.createGroupQuery().groupMember("designer").list()).extracting("id").containsExactly(Groups.PROCESS_DESIGNER);
    List<String> groups = List.of(Groups.PROCESS_DESIGNER);
    assertThat(authorizationService.isUserAuthorized("designer", groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizationService.isUserAuthorized("designer", groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
    assertThat(authorizationService.isUserAuthorized("designer", groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
  }

  @Test
  void aDesigner_deploysAModelWithAForm_andReadsIt_butNotTheMattersItRuns() {
    Http designer = new Http(port).as("designer");
    Http.Response deployed = ModelerDeployment.deploy(designer, "designer-trial", Map.of("designer-trial.bpmn", MODEL, "designer-trial.form", FORM));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deployment = deployed.json().get("id").asText();
    try {
      assertThat(designer.get("/engine-rest/deployment/" + deployment + "/resources").json().findValuesAsText("name"))
          .containsExactlyInAnyOrder("designer-trial.bpmn", "designer-trial.form");
      JsonNode definition = designer.get("/engine-rest/process-definition/key/DesignerTrial").json();
      assertThat(definition.get("deploymentId").asText()).isEqualTo(deployment);
      assertThat(designer.get("/engine-rest/process-definition/key/SixStepConsultationProcess/xml").status()).isEqualTo(200);
      assertThat(designer.get("/engine-rest/decision-definition").status()).isEqualTo(200);

      runtimeService.startProcessInstanceByKey("DesignerTrial");
      Http liaison = new Http(port).as("liaison");
      assertThat(liaison.get("/engine-rest/task?processDefinitionKey=DesignerTrial").json()).as("the task exists").hasSize(1);
      assertThat(designer.get("/engine-rest/task?processDefinitionKey=DesignerTrial").json()).as("tasks").isEmpty();
      assertThat(designer.get("/engine-rest/task/count").json().get("count").asInt()).as("any task").isZero();
      assertThat(designer.get("/engine-rest/process-instance/count").json().get("count").asInt()).as("instances").isZero();
      assertThat(designer.get("/engine-rest/history/process-instance/count").json().get("count").asInt()).as("history").isZero();
      assertThat(designer.post("/engine-rest/process-definition/key/DesignerTrial/start", "{}").status()).as("start").isEqualTo(403);
      assertThat(designer.delete("/engine-rest/deployment/" + deployment + "?cascade=true").status()).as("delete its own deployment, "
          + "and the matters running on it").isEqualTo(403);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("DesignerTrial").count()).isOne();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aModelTheEngineCannotParse_isAnswered400() {
    Http.Response refused = ModelerDeployment.deploy(new Http(port).as("designer"), "designer-broken",
        Map.of("designer-broken.bpmn", MODEL.replace("<bpmn:endEvent id=\"EndEvent_1\"/>", "")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("EndEvent_1");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("designer-broken").count()).isZero();
  }

  @Test
  void aDesigner_administersNobody() {
    Http designer = new Http(port).as("designer");
    assertThat(designer.post("/engine-rest/user/create", "{\"profile\":{\"id\":\"d-user\",\"firstName\":\"x\",\"lastName\":\"y\"},"
        + "\"credentials\":{\"password\":\"d-password-1\"}}").status()).as("create a user").isEqualTo(403);
    assertThat(designer.post("/engine-rest/group/create", "{\"id\":\"d-group\",\"name\":\"x\"}").status()).as("create a group").isEqualTo(403);
    assertThat(designer.put("/engine-rest/group/admin/members/designer", "{}").status()).as("join admin").isEqualTo(403);
    assertThat(designer.post("/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"designer\","
        + "\"resourceType\":8,\"resourceId\":\"*\"}").status()).as("grant itself").isEqualTo(403);
    assertThat(identityService.createGroupQuery().groupMember("designer").list()).extracting("id").containsExactly(Groups.PROCESS_DESIGNER);
  }

  @Test
  void aDesigner_triesRulesOut_butReadsNoDemand() {
    Http designer = new Http(port).as("designer");
    String code = new Http(port).as("clerk").post("/api/demands", Demands.body()).json().get("trackingCode").asText();
    assertThat(new Http(port).as("liaison").get("/api/demands/" + code).status()).isEqualTo(200);
    assertThat(designer.get("/api/demands/" + code).status()).isEqualTo(403);
    assertThat(designer.get("/api/notifications").status()).isEqualTo(403);
    assertThat(designer.post("/api/routing/preview", Demands.body()).json().get("route").asText()).isNotBlank();
    assertThat(designer.get("/api/admin/rules").json().get("checksum").asText()).hasSize(64);
    assertThat(designer.get("/api/admin/open311-keys").status()).isEqualTo(403);
  }

  @Test
  void theRulesStatePage_readsTheRefusalFromTheRulesState() {
    Http designer = new Http(port).as("designer");
    assertThat(designer.get("/rules-state").body()).contains("规则状态", "/rules-state/rules-state.js");
    assertThat(designer.get("/rules-state/rules-state.js").body()).contains("/api/admin/rules", "lastRefusal", "stillInForce");
    assertThat(new Http(port).as("liaison").get("/rules-state/rules-state.js").status()).isEqualTo(403);
  }
}
