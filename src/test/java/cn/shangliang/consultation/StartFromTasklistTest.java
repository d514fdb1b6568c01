package cn.shangliang.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** 广泛征集知事 from Tasklist's "Start process": the start form goes through the same intake service as the API. */
@PlatformTest
class StartFromTasklistTest {
  static final String START = "/engine-rest/process-definition/key/SixStepConsultationProcess";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  Map<String, Object> form(String village, Object... overrides) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", "村口路灯不亮");
    values.put("description", "村口到学校的三盏路灯坏了一个月，晚上学生回家不安全。");
    values.put("category", "URBAN_MANAGEMENT");
    values.put("scope", "VILLAGE");
    values.put("urgency", "NORMAL");
    values.put("channel", "STATION");
    values.put("township", "中峰镇");
    values.put("village", village);
    values.put("submitterName", "孙七");
    values.put("submitterPhone", "13700001234");
    values.put("affectedPeople", 200L);
    values.put("departmentsInvolved", 1L);
    values.put("answerableOnSite", false);
    for (int i = 0; i + 1 < overrides.length; i += 2) {
      if (overrides[i + 1] == null) values.remove((String) overrides[i]);
      else values.put((String) overrides[i], overrides[i + 1]);
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", v instanceof Boolean ? "Boolean" : v instanceof Number ? "Long" : "String")));
    return Map.of("variables", typed);
  }

  long demandsIn(String village) {
    return jdbc.queryForObject("select count(*) from demand where village = ?", Long.class, village);
  }

  @Test
  void aClerkStartsAMatterWithTheStartForm() {
    Http clerk = new Http(port).as("clerk");
    Http.Response startForm = clerk.get(START + "/deployed-start-form");
    assertThat(startForm.status()).isEqualTo(200);
    assertThat(startForm.json().get("id").asText()).isEqualTo("collect-demand");

    String village = "启动表单村" + UUID.randomUUID().toString().substring(0, 6);
    Http.Response started = clerk.post(START + "/submit-form", form(village));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();
    String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
    assertThat(businessKey).matches("SL-\\d{4}-\\d{6,}");

    JsonNode demand = new Http(port).as("liaison").get("/api/demands/" + businessKey).json();
    assertThat(demand.get("processInstanceId").asText()).isEqualTo(instanceId);
    assertThat(demand.get("createdBy").asText()).isEqualTo("clerk");
    assertThat(demand.get("submitter").get("name").asText()).isEqualTo("孙七");
    assertThat(demand.get("route").get("leadDepartment").asText()).isEqualTo("urban-management");
    assertThat(demand.get("status").asText()).isEqualTo("INVESTIGATING");
    assertThat(demand.get("tasksOpen").get(0).get("taskDefinitionKey").asText()).isEqualTo("UserTask_Investigate");
  }

  @Test
  void badInputInTheStartForm_isRefusedWithTheReason_andNothingIsWritten() {
    Http clerk = new Http(port).as("clerk");
    String village = "坏输入村" + UUID.randomUUID().toString().substring(0, 6);
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("SixStepConsultationProcess").count();
    Http.Response noTitle = clerk.post(START + "/submit-form", form(village, "title", null));
    assertThat(noTitle.status()).isEqualTo(400);
    assertThat(noTitle.json().get("message").asText()).contains("标题");
    Http.Response badCategory = clerk.post(START + "/submit-form", form(village, "category", "ROADS"));
    assertThat(badCategory.status()).isEqualTo(400);
    assertThat(badCategory.json().get("message").asText()).contains("类别");
    Http.Response badPhone = clerk.post(START + "/submit-form", form(village, "submitterPhone", "call me maybe"));
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.json().get("message").asText()).contains("诉求未受理");
    assertThat(demandsIn(village)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("SixStepConsultationProcess").count()).isEqualTo(instances);
  }

  @Test
  void onlyTheIntakeRolesMayStartMatters_andCalledProcessesAreNotStartable() {
    String village = "越权村" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(new Http(port).as("transport").post(START + "/submit-form", form(village)).status()).isEqualTo(403);
    assertThat(demandsIn(village)).isZero();
    JsonNode startable = new Http(port).as("clerk").get("/engine-rest/process-definition?startableInTasklist=true&latestVersion=true"
        + "&startablePermissionCheck=true").json();
    assertThat(startable.findValuesAsText("key")).containsExactly("SixStepConsultationProcess");
  }
}
