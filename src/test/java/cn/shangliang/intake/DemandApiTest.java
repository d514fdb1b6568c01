package cn.shangliang.intake;

import static cn.shangliang.support.Demands.body;
import static cn.shangliang.support.Demands.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/demands and GET /api/demands/{id} exactly as API.md says, through HTTP, as the demo users. */
@PlatformTest
class DemandApiTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  long demandRows() {
    return jdbc.queryForObject("select count(*) from demand", Long.class);
  }

  @Test
  void aDemand_isRegisteredRoutedAndWaitsInTheDepartmentsInbox() {
    Http.Response created = http.as("clerk").post("/api/demands", body());
    assertThat(created.status()).isEqualTo(201);
    JsonNode json = created.json();
    assertThat(json.get("trackingCode").asText()).matches("SL-\\d{4}-\\d{6,}");
    assertThat(created.header("location")).endsWith("/api/demands/" + json.get("id").asText());
    assertThat(json.get("status").asText()).isEqualTo("INVESTIGATING");
    JsonNode route = json.get("route");
    assertThat(route.get("route").asText()).isEqualTo("DEPARTMENT");
    assertThat(route.get("leadDepartment").asText()).isEqualTo("transport");
    assertThat(route.get("coDepartments")).isEmpty();
    assertThat(route.get("deadline").asText()).matches("\\d{4}-\\d\\d-\\d\\dT17:30:00\\+08:00");
    assertThat(route.get("reasons").get(0).get("rule").asText()).isEqualTo("STANDARD");
    assertThat(route.get("reasons").get(0).get("message").asText()).isNotBlank();

    String processInstanceId = json.get("processInstanceId").asText();
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).as("everything not answerable on site is investigated first").isEqualTo("UserTask_Investigate");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "liaison-office".equals(l.getGroupId()));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey())
        .isEqualTo(json.get("trackingCode").asText());

    JsonNode view = http.as("liaison").get("/api/demands/" + json.get("id").asText()).json();
    assertThat(view.get("submitter").get("name").asText()).isEqualTo("张三");
    assertThat(view.get("tasksOpen").get(0).get("name").asText()).startsWith("深入调查明事：村组道路坑洼积水");
    assertThat(view.get("tasksOpen").get(0).get("due").asText()).endsWith("T17:30:00+08:00");
    assertThat(view.get("history").findValuesAsText("kind")).containsExactly("COLLECTED", "ROUTED");
    assertThat(view.get("routeLabel").asText()).as("the route in words").isEqualTo("限时答复");
    JsonNode collected = view.get("history").get(0);
    assertThat(collected.get("actor").asText()).isEqualTo("clerk");
    assertThat(collected.get("actorName").asText()).as("people by name, not by account").isEqualTo("王联络员");
    String routed = view.get("history").get(1).get("detail").asText();
    assertThat(routed).as("the deadline in words, no rule code").contains("办理时限：").doesNotContain("STANDARD")
        .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT").doesNotContainPattern(" \\d\\d:\\d\\d:\\d\\d")
        .containsPattern("\\d{4}-\\d\\d-\\d\\d 17:30");
    assertThat(http.as("liaison").get("/api/demands/" + json.get("trackingCode").asText()).json().get("id"))
        .isEqualTo(json.get("id"));
  }

  @Test
  void theDepartmentReplies_andTheLiaisonOfficeAccepts() {
    JsonNode created = http.as("clerk").post("/api/demands", with(body(), "urgency", "EMERGENCY")).json();
    String processInstanceId = created.get("processInstanceId").asText();
    String code = created.get("trackingCode").asText();
    String taskId = http.as("transport").get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id").asText();
    Http.Response completed = http.as("transport").post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("resultText", Map.of("value", "已安排施工队，12月5日前完成路面修补。"))));
    assertThat(completed.status()).isEqualTo(204);
    String review = http.as("liaison").get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id").asText();
    assertThat(http.as("liaison").post("/engine-rest/task/" + review + "/complete",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "ACCEPT")))).status()).isEqualTo(204);
    JsonNode view = http.as("admin").get("/api/demands/" + created.get("id").asText()).json();
    assertThat(view.get("status").asText()).isEqualTo("HANDLED");
    JsonNode reply = view.get("steps").get("departmentReplies").get(0);
    assertThat(reply.get("repliedBy").asText()).isEqualTo("transport");
    assertThat(reply.get("replyText").asText()).contains("路面修补");
    assertThat(reply.get("reviewResult").asText()).isEqualTo("ACCEPT");
    assertThat(view.get("history").findValuesAsText("kind")).contains("REPLIED", "REPLY_ACCEPTED");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getState())
        .isEqualTo("ACTIVE"); // now publicizing
  }

  @Test
  void everyBadInput_is400ProblemJson_andWritesNothing() {
    long before = demandRows();
    Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
    cases.put("category", with(body(), "category", "ROADS"));
    cases.put("scope", with(body(), "scope", "PLANET"));
    cases.put("urgency", with(body(), "urgency", "urgent"));
    cases.put("channel", with(body(), "channel", "PIGEON"));
    cases.put("title", with(body(), "title", null));
    cases.put("description", with(body(), "description", "  "));
    cases.put("township", with(body(), "township", null));
    cases.put("village", with(body(), "village", null));
    cases.put("departmentsInvolved", with(body(), "departmentsInvolved", "two"));
    cases.put("affectedPeople", with(body(), "affectedPeople", List.of(1)));
    cases.put("answerableOnSite", with(body(), "answerableOnSite", "maybe"));
    cases.put("estimatedCostYuan", with(body(), "estimatedCostYuan", -5));
    cases.put("coDepartments[0]", with(with(body(), "departmentsInvolved", 2), "coDepartments", List.of("ministry-of-magic")));
    cases.put("submitter.phone", with(body(), "submitter", Map.of("name", "张三", "phone", "call me")));
    cases.put("title ", with(body(), "title", "长".repeat(201)));
    cases.put("description ", with(body(), "description", "长".repeat(5001)));
    cases.forEach((field, request) -> {
      Http.Response response = http.as("clerk").post("/api/demands", request);
      assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
      assertThat(response.header("content-type")).startsWith("application/problem+json");
      JsonNode problem = response.json();
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.get("title").asText()).isNotBlank();
      assertThat(problem.get("type").asText()).isNotBlank();
      assertThat(problem.get("errors").findValuesAsText("field")).as(response.body()).contains(field.strip());
    });
    Http.Response malformed = http.as("clerk").post("/api/demands", "{\"title\": \"x\", ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("detail").asText()).contains("JSON");
    assertThat(http.as("clerk").post("/api/demands", "[]").status()).isEqualTo(400);
    assertThat(demandRows()).isEqualTo(before);
  }

  @Test
  void exactlyTheLimits_areAccepted() {
    Http.Response response = http.as("clerk").post("/api/demands",
        with(with(body(), "title", "长".repeat(200)), "description", "长".repeat(5000)));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(http.as("clerk").get("/api/demands/" + response.json().get("id").asText()).json().get("description").asText())
        .hasSize(5000);
    assertThat((String) runtimeService.getVariable(response.json().get("processInstanceId").asText(), "demandDescription"))
        .startsWith("长".repeat(1000)).endsWith("（全文见诉求档案）");
  }

  @Test
  void fourByteCharacters_areKeptEverywhere_inOurTablesAndInTheEngines() {
    String title = "路灯坏了😡 𠮷家村 " + UUID.randomUUID().toString().substring(0, 6);
    Http.Response created = http.as("clerk").post("/api/demands", with(with(body(), "title", title), "village", "𠮷家村"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode view = http.as("clerk").get("/api/demands/" + created.json().get("id").asText()).json();
    assertThat(view.get("title").asText()).isEqualTo(title);
    assertThat(view.get("village").asText()).isEqualTo("𠮷家村");
    assertThat(runtimeService.getVariable(created.json().get("processInstanceId").asText(), "demandTitle")).isEqualTo(title);
    String taskId = taskService.createTaskQuery().processInstanceId(created.json().get("processInstanceId").asText()).singleResult().getId();
    Http.Response investigated = http.as("admin").post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
        "findings", Map.of("value", "现场看过了👍，𠮷家村路段确需修补"), "investigatedAffectedPeople", Map.of("value", 10),
        "investigatedDepartments", Map.of("value", 1), "investigatedScope", Map.of("value", "VILLAGE"))));
    assertThat(investigated.status()).as(investigated.body()).isEqualTo(204);
    assertThat(http.as("clerk").get("/api/demands/" + created.json().get("id").asText()).json().get("steps").get("investigations")
        .get(0).get("findings").asText()).startsWith("现场看过了👍，𠮷家村");
  }

  @Test
  void unknownDemand_is404() {
    Http.Response response = http.as("clerk").get("/api/demands/987654321");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
    assertThat(http.as("clerk").get("/api/demands/SL-2026-999999").status()).isEqualTo(404);
    assertThat(http.as("clerk").get("/api/demands/not-an-id").status()).isEqualTo(404);
  }

  @Test
  void aDepartmentUser_cannotCreateDemands_norReadOtherDepartmentsDemands() {
    long before = demandRows();
    Http.Response response = http.as("transport").post("/api/demands", body());
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
    assertThat(demandRows()).isEqualTo(before);

    String housingDemand = http.as("clerk").post("/api/demands", with(body(), "category", "HOUSING")).json().get("id").asText();
    assertThat(http.as("transport").get("/api/demands/" + housingDemand).status()).isEqualTo(403);
    assertThat(http.as("housing").get("/api/demands/" + housingDemand).status()).isEqualTo(200);
  }

  @Test
  void theSameExternalId_returnsTheFirstDemand_andCreatesNothing() {
    Map<String, Object> request = with(body(), "externalId", "client-" + UUID.randomUUID());
    Http.Response first = http.as("clerk").post("/api/demands", request);
    long after = demandRows();
    Http.Response again = http.as("clerk").post("/api/demands", with(request, "title", "客户端重试时标题变了"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(again.json().get("trackingCode")).isEqualTo(first.json().get("trackingCode"));
    assertThat(again.json().get("route").get("deadline")).isEqualTo(first.json().get("route").get("deadline"));
    assertThat(demandRows()).isEqualTo(after);
  }

  @Test
  void theSameIdempotencyKeyHeader_returnsTheFirstDemand() {
    Http client = http.as("clerk").header("Idempotency-Key", UUID.randomUUID().toString());
    Http.Response first = client.post("/api/demands", body());
    Http.Response again = client.post("/api/demands", body());
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
  }

  @Test
  void concurrentRetriesWithOneExternalId_createExactlyOneDemandAndOneProcess() throws Exception {
    String key = "race-" + UUID.randomUUID();
    Map<String, Object> request = with(body(), "externalId", key);
    int clients = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Response>> responses = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Callable<Http.Response> call = () -> {
        start.await();
        return http.as("clerk").post("/api/demands", request);
      };
      responses.add(pool.submit(call));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Future<Http.Response> f : responses) {
      Http.Response response = f.get();
      statuses.add(response.status());
      ids.add(response.json().get("id").asText());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(200, 201);
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    assertThat(ids).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from demand where idempotency_key = ?", Long.class, key)).isEqualTo(1);
    String trackingCode = jdbc.queryForObject("select tracking_code from demand where idempotency_key = ?", String.class, key);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingCode).count()).isEqualTo(1);
  }

  @Test
  void routingPreview_writesNothing_andCountsFromTheGivenMoment() {
    long before = demandRows();
    Http.Response preview = http.as("clerk").post("/api/routing/preview?at=2026-09-30T10:00:00%2B08:00",
        with(body(), "urgency", "URGENT"));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.json().get("route").asText()).isEqualTo("DEPARTMENT");
    assertThat(preview.json().get("deadline").asText()).isEqualTo("2026-10-10T17:30:00+08:00");
    assertThat(http.as("clerk").post("/api/routing/preview", with(body(), "repeatCount", 3)).json()
        .get("reasons").get(0).get("rule").asText()).isEqualTo("RECURRING");
    assertThat(http.as("clerk").post("/api/routing/preview", with(body(), "title", null)).status()).isEqualTo(400);
    assertThat(http.as("clerk").post("/api/routing/preview", with(body(), "coDepartments", List.of("nowhere"))).status()).isEqualTo(400);
    assertThat(http.as("clerk").post("/api/routing/preview?at=tomorrow", body()).status()).isEqualTo(400);
    assertThat(demandRows()).isEqualTo(before);
  }

  @Test
  void repeatCount_isComputedFromStoredDemands_ofTheSameVillageAndCategory() {
    Map<String, Object> request = body();
    for (int i = 0; i < 3; i++) {
      assertThat(http.as("clerk").post("/api/demands", with(request, "title", "第" + i + "次反映路灯问题")).status()).isEqualTo(201);
    }
    JsonNode preview = http.as("clerk").post("/api/routing/preview", request).json();
    assertThat(preview.get("route").asText()).isEqualTo("PROPOSAL");
    assertThat(preview.get("reasons").get(0).get("rule").asText()).isEqualTo("RECURRING");
    JsonNode fourth = http.as("clerk").post("/api/demands", request).json();
    assertThat(fourth.get("route").get("route").asText()).isEqualTo("PROPOSAL");
    assertThat(fourth.get("status").asText()).as("a proposal is investigated and deliberated first").isEqualTo("INVESTIGATING");
    // another category in the same village does not count
    assertThat(http.as("clerk").post("/api/routing/preview", with(request, "category", "WATER")).json()
        .get("reasons").get(0).get("rule").asText()).isEqualTo("STANDARD");
  }

  @Test
  void calendarDeadline_asApiMdShows() {
    Http.Response response = http.as("clerk").get("/api/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=3");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("deadline").asText()).isEqualTo("2026-10-10T17:30:00+08:00");
    assertThat(response.json().get("workingDays").asInt()).isEqualTo(3);
    assertThat(response.json().get("provisional").asBoolean()).as("2026 is published").isFalse();
    assertThat(response.json().get("from").asText()).isEqualTo("2026-09-30T10:00:00+08:00");
    assertThat(http.as("clerk").get("/api/calendar/deadline?from=yesterday&workingDays=3").status()).isEqualTo(400);
    assertThat(http.as("clerk").get("/api/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=-1").status()).isEqualTo(400);
  }
}
