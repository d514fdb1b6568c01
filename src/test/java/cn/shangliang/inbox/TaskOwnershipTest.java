package cn.shangliang.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.consultation.SixStepConsultationProcess;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A claimed task belongs to its assignee (issue #19, item 4), the demo users' way: member1 claims an on-site
 * answer, member2 of the same group can neither do it nor take it, the liaison office can give it to member2,
 * and the matter's history says who moved it from whom to whom.
 */
@PlatformTest
class TaskOwnershipTest {
  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  Http http;
  String code;
  String taskId;

  @BeforeEach
  void anOnSiteAnswerClaimedByMember1() {
    http = new Http(port);
    code = http.as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "answerableOnSite", true),
        "scope", "HOUSEHOLD")).json().get("trackingCode").asText();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(SixStepConsultationProcess.TASK_ON_SITE_ANSWER);
    assertThat(task.getAssignee()).as("offered to the members, nobody's yet").isNull();
    taskId = task.getId();
    Http.Response claimed = http.as("member1").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "member1"));
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
  }

  @Test
  void member2_cannotDoMember1sTask_403NamingTheHolder_nothingChanges() {
    Http member2 = http.as("member2");
    String task = "/engine-rest/task/" + taskId;
    List<Http.Response> refused = new ArrayList<>(List.of(
        member2.post(task + "/complete", Map.of()),
        member2.post(task + "/submit-form", Map.of("variables", Map.of("answer", Map.of("value", "已答复", "type", "String")))),
        member2.put(task + "/variables/answer", Map.of("value", "已答复", "type", "String")),
        member2.put(task + "/localVariables/answer", Map.of("value", "已答复", "type", "String")),
        member2.post(task + "/variables", Map.of("modifications", Map.of("answer", Map.of("value", "已答复")))),
        member2.post(task + "/localVariables", Map.of("modifications", Map.of("answer", Map.of("value", "已答复")))),
        member2.delete(task + "/variables/demandTitle"),
        member2.delete(task + "/localVariables/taskDeadline")));
    for (Http.Response answer : refused) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(403);
      assertThat(answer.json().get("type").asText()).isEqualTo("AuthorizationException");
      assertThat(answer.json().get("message").asText()).contains("李委员").contains("认领");
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("member1");
    assertThat(taskService.getVariables(taskId)).doesNotContainKey("answer").containsKey("demandTitle");
    assertThat(taskService.getVariablesLocal(taskId)).containsKey("taskDeadline");
  }

  @Test
  void member2_claimingMember1sTask_409InChinese_onEngineRestAndInTasklist() {
    Http.Response rest = http.as("member2").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "member2"));
    assertThat(rest.status()).as(rest.body()).isEqualTo(409);
    assertThat(rest.json().get("message").asText()).isEqualTo("该任务已由 李委员 认领");

    WebappSession.Login tasklist = WebappSession.login(port, "member2", "member2");
    assertThat(tasklist.answer().status()).as(tasklist.answer().body()).isEqualTo(200);
    Http.Response inTasklist = tasklist.http().post("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
        Map.of("userId", "member2"));
    assertThat(inTasklist.status()).as(inTasklist.body()).isEqualTo(409);
    assertThat(inTasklist.json().get("message").asText()).isEqualTo("该任务已由 李委员 认领");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("member1");
  }

  @Test
  void member2_cannotTakeOrHandOnMember1sTask_403() {
    Http member2 = http.as("member2");
    String task = "/engine-rest/task/" + taskId;
    Map<String, Object> update = Map.of("name", member2.get(task).json().get("name").asText(), "assignee", "member2",
        "priority", 50);
    for (Http.Response answer : List.of(
        member2.post(task + "/assignee", Map.of("userId", "member2")),
        member2.post(task + "/delegate", Map.of("userId", "member2")),
        member2.post(task + "/unclaim", Map.of()),
        member2.post(task + "/identity-links", Map.of("userId", "member2", "type", "assignee")),
        member2.put(task, update))) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("member1");
  }

  @Test
  void javaApiOnBehalfOfMember2_isRefusedToo_theSystemIsNot() {
    identityService.setAuthentication("member2", List.of("member"));
    try {
      assertThatThrownBy(() -> taskService.complete(taskId)).isInstanceOf(TaskNotYoursException.class).hasMessageContaining("李委员");
      assertThatThrownBy(() -> taskService.claim(taskId, "member2")).isInstanceOf(TaskHeldException.class);
      assertThatThrownBy(() -> taskService.setVariable(taskId, "answer", "x")).isInstanceOf(TaskNotYoursException.class);
    } finally {
      identityService.clearAuthentication();
    }
    taskService.setVariableLocal(taskId, "systemNote", "timer"); // no logged-in user: the system itself
    assertThat(taskService.getVariableLocal(taskId, "systemNote")).isEqualTo("timer");
  }

  @Test
  void member1_mayHandBackTheirOwnTask_butNotGiveItToAColleague() {
    Http member1 = http.as("member1");
    assertThat(member1.post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "member2")).status()).isEqualTo(403);
    assertThat(member1.post("/engine-rest/task/" + taskId + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(history()).anyMatch(e -> e.get("kind").asText().equals("TASK_RELEASED") && e.get("actor").asText().equals("member1"));
  }

  @Test
  void liaison_reassignsToMember2_recordedInTheMattersHistory() {
    Http.Response reassigned = http.as("liaison").post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "member2"));
    assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("member2");

    List<JsonNode> history = history();
    assertThat(history).anyMatch(e -> e.get("kind").asText().equals("TASK_CLAIMED") && e.get("actor").asText().equals("member1")
        && e.get("detail").asText().contains("李委员 认领了任务"));
    assertThat(history).anyMatch(e -> e.get("kind").asText().equals("TASK_REASSIGNED") && e.get("actor").asText().equals("liaison")
        && e.get("detail").asText().contains("陈工委 改派任务") && e.get("detail").asText().contains("李委员 → 赵委员"));
    // now member2's: member1 is the one refused
    assertThat(http.as("member1").post("/engine-rest/task/" + taskId + "/complete", Map.of()).json().get("message").asText())
        .contains("赵委员");
  }

  @Test
  void leaderMayReassign_aDepartmentMayNot() {
    assertThat(http.as("transport").post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "member2")).status())
        .isEqualTo(403);
    assertThat(http.as("leader").post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "member2")).status())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("member2");
  }

  private List<JsonNode> history() {
    List<JsonNode> events = new ArrayList<>();
    http.as("liaison").get("/api/demands/" + code).json().get("history").forEach(events::add);
    return events;
  }
}
