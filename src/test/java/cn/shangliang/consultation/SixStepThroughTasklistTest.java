package cn.shangliang.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One matter through all six steps the way Tasklist does it: each demo user logs in, finds the task by
 * the tracking code, loads its Camunda Form and the form's variables, and submits the form.
 */
@PlatformTest
class SixStepThroughTasklistTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  /** Tasklist's calls for one task: find it, load the form and variables, submit. */
  void work(String user, String code, String expectedForm, Map<String, Object> values) {
    Http http = new Http(port).as(user);
    JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
    assertThat(tasks).as(user + " sees a task of " + code).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    Http.Response form = http.get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo(expectedForm);
    JsonNode variables = http.get("/engine-rest/task/" + taskId + "/form-variables").json();
    assertThat(variables.get("trackingCode").get("value").asText()).isEqualTo(code);
    assertThat(variables.get("demandDescription").get("value").asText()).as("the demand's text in every form").contains("通组道路");
    Map<String, Object> submitted = new LinkedHashMap<>();
    values.forEach((name, value) -> submitted.put(name, Map.of("value", value, "type",
        value instanceof Boolean ? "Boolean" : value instanceof Number ? "Long" : "String")));
    Http.Response done = http.post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", submitted));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    new Steps(engine, code).runJobs(); // what the job executor does in production
  }

  @Test
  void oneMatter_allSixSteps_eachUserInTheirOwnLogin() {
    String village = "浏览器村" + UUID.randomUUID().toString().substring(0, 6);
    Http liaison = new Http(port).as("liaison");
    assertThat(liaison.put("/api/village-assignments", Map.of("township", "中峰镇", "village", village, "memberUserId", "member1"))
        .status()).isEqualTo(200);
    JsonNode created = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "township", "中峰镇"),
        "village", village)).json();
    String code = created.get("trackingCode").asText();

    assertThat(new Http(port).as("transport").get("/engine-rest/task?processInstanceBusinessKey=" + code).json())
        .as("not the transport bureau's task yet").isEmpty();
    work("member1", code, "investigate", Map.of("findings", "走访核实：积水路段约300米。", "investigatedAffectedPeople", 120,
        "investigatedDepartments", 1, "investigatedScope", "GROUP", "investigatedAnswerableOnSite", false,
        "investigatedNeedsPolicyChange", false));
    work("convenor", code, "schedule-meeting", Map.of("meetingForm", "HEARING", "meetingTime", "2026-12-02T19:30",
        "meetingPlace", "村民活动中心", "inviteMembers", true, "inviteResidents", true, "inviteExperts", true));
    work("convenor", code, "record-meeting", Map.of("opinions", "群众要求年内修补，专家建议加排水沟。", "agreement", "修补并加排水沟。",
        "dissent", "个别村民希望整体重铺。", "attendance", 28));
    String decideTask = new Http(port).as("convenor").get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0)
        .get("id").asText();
    Http.Response refused = new Http(port).as("convenor").post("/engine-rest/task/" + decideTask + "/submit-form", Map.of("variables",
        Map.of("decisionText", Map.of("value", "请交通运输局修补积水路段。"), "howReached", Map.of("value", "CONSENSUS"),
            "actionItems", Map.of("value", "修补路面，交通局，年底"))));
    assertThat(refused.status()).as("bad form input is the user's error, shown in the form").isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("落实事项第1行");
    work("convenor", code, "decide", Map.of("decisionText", "请交通运输局修补积水路段并加设排水沟。", "howReached", "VOTE",
        "votesFor", 25, "votesAgainst", 2, "votesAbstain", 1, "actionItems", "修补积水路段；交通运输局；2026-12-31"));
    work("transport", code, "department-reply", Map.of("resultText", "已列入12月养护计划，12月20日前完工。"));
    work("liaison", code, "review-reply", Map.of("reviewDecision", "ACCEPT", "reviewComment", "答复明确。"));

    JsonNode view = liaison.get("/api/demands/" + created.get("id").asText()).json();
    assertThat(view.get("status").asText()).isEqualTo("PUBLICIZING");
    assertThat(view.get("steps").get("decisions").get(0).get("votesFor").asInt()).isEqualTo(25);
    assertThat(view.get("steps").get("meetings").get(0).get("notices")).hasSize(3);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
    new Steps(engine, code).fireDueTimers();
    // after publicity the submitter is asked; their answer closes the matter
    Http citizen = new Http(port);
    String accessCode = Demands.accessCode(citizen, code); // started from Tasklist: the receipt went by SMS, staff re-issue it
    assertThat(citizen.post("/api/public/demands/" + code + "/evaluation",
        Map.of("rating", "SATISFIED", "accessCode", accessCode)).status()).isEqualTo(201);
    new Steps(engine, code).runJobs();
    assertThat(liaison.get("/api/demands/" + created.get("id").asText()).json().get("status").asText()).isEqualTo("CLOSED");
  }
}
