package cn.shangliang.publicity;

import static cn.shangliang.support.ProposalWalk.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 公示与回访 (DOMAIN.md §7): the window, objections, the submitters' evaluations and second handling. */
@PlatformTest
class PublicityProcessTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired cn.shangliang.system.PublicRateLimiter limiter;

  @BeforeEach
  void start() {
    at("2026-11-02T10:00:00+08:00");
    limiter.reset();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    limiter.reset();
  }

  Http http() {
    return new Http(port);
  }

  /** A policy question answered on site by member1: the result is published at once. */
  Steps answeredOnSite(String village) {
    Map<String, Object> body = Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.body(),
        "category", "POLICY"), "scope", "HOUSEHOLD"), "answerableOnSite", true), "collectingMember", "member1"),
        "village", village), "submitter", Map.of("name", "欧阳修", "phone", "13912345678"));
    String code = http().as("clerk").post("/api/demands", body).json().get("trackingCode").asText();
    return new Steps(engine, code).complete("UserTask_OnSiteAnswer", "member1", List.of("member"),
        Map.of("resultText", "已当场解答低保申请条件。"));
  }

  JsonNode publicView(Steps steps) {
    return http().get("/api/public/demands/" + steps.code()).json();
  }

  Http.Response evaluate(String code, String rating, String comment) {
    Map<String, Object> body = new HashMap<>(Map.of("rating", rating, "accessCode", Demands.accessCode(http(), code)));
    if (comment != null) body.put("comment", comment);
    return http().post("/api/public/demands/" + code + "/evaluation", body);
  }

  Steps windowCloses(Steps steps, String moment) {
    at(moment);
    return steps.fireDueTimers();
  }

  boolean matterEnded(Steps steps) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(steps.code()).count() == 0;
  }

  @Test
  void published_windowCloses_evaluatedSatisfied_closes() {
    Steps steps = answeredOnSite("公示村" + UUID.randomUUID());
    assertThat(publicView(steps).get("notice").get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(evaluate(steps.code(), "SATISFIED", null).status()).as("nothing due during publicity").isEqualTo(409);

    windowCloses(steps, "2026-11-09T10:01:00+08:00");
    JsonNode view = publicView(steps);
    assertThat(view.get("status").asText()).isEqualTo("EVALUATING");
    assertThat(view.get("notice").get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("evaluation").get("due").asBoolean()).isTrue();
    assertThat(view.get("evaluation").get("dueAt").asText()).isEqualTo("2026-11-24T10:01:00+08:00");

    assertThat(evaluate(steps.code(), "PERFECT", null).status()).isEqualTo(400);
    Http.Response done = evaluate(steps.code(), "SATISFIED", "解答很清楚");
    assertThat(done.status()).isEqualTo(201);
    assertThat(done.json().get("ratingLabel").asText()).isEqualTo("满意");
    steps.runJobs();
    assertThat(matterEnded(steps)).isTrue();
    assertThat(publicView(steps).get("status").asText()).isEqualTo("CLOSED");
    assertThat(publicView(steps).get("evaluation").get("rating").asText()).isEqualTo("SATISFIED");
    assertThat(evaluate(steps.code(), "SATISFIED", null).status()).as("once only").isEqualTo(409);
  }

  @Test
  void objectionDismissed_theAnswerIsPublishedWithTheNotice() {
    Steps steps = answeredOnSite("异议村" + UUID.randomUUID());
    String noticeId = publicView(steps).get("notice").get("id").asText();
    assertThat(http().post("/api/public/notices/" + noticeId + "/objections", Map.of("reason", "短")).status()).isEqualTo(400);
    Http.Response objected = http().post("/api/public/notices/" + noticeId + "/objections",
        Map.of("reason", "答复没有说明申请材料。我叫李四，电话13611112222。"));
    assertThat(objected.status()).isEqualTo(201);
    assertThat(http().post("/api/public/notices/999999999/objections", Map.of("reason", "没有这条公示吧？")).status()).isEqualTo(404);

    var task = steps.task(PublicityProcess.TASK_REVIEW_OBJECTION);
    assertThat(engine.getTaskService().getVariable(task.getId(), "objectionReason")).asString()
        .contains("136****2222").doesNotContain("13611112222");
    steps.complete(PublicityProcess.TASK_REVIEW_OBJECTION, "liaison", List.of("liaison-office"), Map.of(
        "objectionDecision", "DISMISS", "objectionAnswer", "申请材料清单已在村务公开栏张贴，可到村委会领取。"));
    JsonNode notice = publicView(steps).get("notice");
    assertThat(notice.get("status").asText()).as("still on the board").isEqualTo("PUBLISHED");
    JsonNode objection = notice.get("objections").get(0);
    assertThat(objection.get("status").asText()).isEqualTo("DISMISSED");
    assertThat(objection.get("answer").asText()).contains("村务公开栏");
    assertThat(objection.get("reason").asText()).contains("李*").doesNotContain("李四", "13611112222");
    assertThat(http().get("/api/public/notices?size=100").body()).contains("村务公开栏").doesNotContain("13611112222");
  }

  @Test
  void objectionUpheld_secondHandling_republished() {
    Steps steps = answeredOnSite("异议成立村" + UUID.randomUUID());
    String noticeId = publicView(steps).get("notice").get("id").asText();
    http().post("/api/public/notices/" + noticeId + "/objections", Map.of("reason", "答复与实际政策不符，标准已调整。"));
    http().post("/api/public/notices/" + noticeId + "/objections", Map.of("reason", "同样认为标准已经调整过了。"));
    assertThat(steps.openTasks()).containsOnly(PublicityProcess.TASK_REVIEW_OBJECTION).hasSize(2);
    var first = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(steps.code())
        .taskDefinitionKey(PublicityProcess.TASK_REVIEW_OBJECTION).orderByTaskCreateTime().asc().list().get(0);
    engine.getIdentityService().setAuthentication("liaison", List.of("liaison-office"));
    try {
      engine.getTaskService().complete(first.getId(), Map.of("objectionDecision", "UPHOLD", "objectionAnswer", "经核实标准已调整，转二次办理。"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    steps.runJobs();
    assertThat(steps.openTasks()).as("the other objection goes with the second handling")
        .containsExactly("UserTask_SecondHandlingAnswer");
    JsonNode withdrawn = http().get("/api/public/notices?size=100").json();
    JsonNode old = null;
    for (JsonNode n : withdrawn.get("content")) if (n.get("id").asText().equals(noticeId)) old = n;
    assertThat(old.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(old.get("objections").findValuesAsText("status")).containsExactlyInAnyOrder("UPHELD", "SUPERSEDED");
    assertThat(http().post("/api/public/notices/" + noticeId + "/objections", Map.of("reason", "撤回的公示还能异议吗？"))
        .status()).isEqualTo(409);

    steps.complete("UserTask_SecondHandlingAnswer", "liaison", List.of("liaison-office"),
        Map.of("resultText", "按调整后的标准重新解答，并告知申请渠道。"));
    JsonNode republished = publicView(steps).get("notice");
    assertThat(republished.get("id").asText()).isNotEqualTo(noticeId);
    assertThat(republished.get("round").asInt()).isEqualTo(2);
    assertThat(republished.get("result").asText()).contains("调整后的标准");
    assertThat(publicView(steps).get("status").asText()).isEqualTo("PUBLICIZING");
  }

  @Test
  void unsatisfied_secondHandlingOnce_unsatisfiedAgain_goesToSupervisors() {
    Steps steps = answeredOnSite("不满意村" + UUID.randomUUID());
    windowCloses(steps, "2026-11-09T10:01:00+08:00");
    assertThat(evaluate(steps.code(), "UNSATISFIED", null).status()).as("a reason is required").isEqualTo(400);
    assertThat(evaluate(steps.code(), "UNSATISFIED", "没有解决实际问题").status()).isEqualTo(201);
    steps.runJobs();
    assertThat(steps.openTasks()).containsExactly("UserTask_SecondHandlingAnswer");
    steps.complete("UserTask_SecondHandlingAnswer", "member1", List.of("member"), Map.of("resultText", "上门协助准备申请材料。"));
    assertThat(publicView(steps).get("notice").get("round").asInt()).isEqualTo(2);

    windowCloses(steps, "2026-11-16T10:02:00+08:00");
    assertThat(evaluate(steps.code(), "UNSATISFIED", "还是没解决").status()).isEqualTo(201);
    steps.runJobs();
    assertThat(steps.openTasks()).as("second 不满意: no third handling").containsExactly(PublicityProcess.TASK_UNSATISFIED_SUPERVISION);
    var supervise = steps.task(PublicityProcess.TASK_UNSATISFIED_SUPERVISION);
    assertThat(engine.getTaskService().getIdentityLinksForTask(supervise.getId())).anyMatch(l -> "supervisor".equals(l.getGroupId()));
    steps.complete(PublicityProcess.TASK_UNSATISFIED_SUPERVISION, "supervisor", List.of("supervisor"),
        Map.of("supervisionAction", "MEETING", "supervisionNote", "约谈民政所，限期上门办理。"));
    assertThat(matterEnded(steps)).isTrue();
    assertThat(publicView(steps).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void noAnswerWithin15Days_isRecordedAsNoAnswer_neverAsSatisfied() {
    Steps steps = answeredOnSite("未评价村" + UUID.randomUUID());
    windowCloses(steps, "2026-11-09T10:01:00+08:00");
    at("2026-11-24T10:00:00+08:00");
    steps.fireDueTimers();
    assertThat(publicView(steps).get("evaluation").get("due").asBoolean()).isTrue();
    at("2026-11-24T10:02:00+08:00");
    steps.fireDueTimers();
    JsonNode evaluation = publicView(steps).get("evaluation");
    assertThat(evaluation.get("status").asText()).isEqualTo("NO_ANSWER");
    assertThat(evaluation.get("rating").isNull()).isTrue();
    assertThat(matterEnded(steps)).isTrue();
    assertThat(evaluate(steps.code(), "SATISFIED", null).status()).isEqualTo(409);
  }

  @Test
  void everySubmitterOfAMergedMatter_seesTheResult_andEvaluates() {
    String village = "并单回访村" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> first = Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.body(),
        "category", "POLICY"), "scope", "HOUSEHOLD"), "answerableOnSite", true), "collectingMember", "member1"), "village", village);
    JsonNode matter = http().as("clerk").post("/api/demands", first).json();
    JsonNode duplicate = http().as("clerk").post("/api/demands", Demands.with(first, "submitter",
        Map.of("name", "司马光", "phone", "13698765432"))).json();
    assertThat(http().as("clerk").post("/api/demands/" + duplicate.get("id").asText() + "/merge",
        Map.of("into", matter.get("trackingCode").asText())).status()).isEqualTo(200);
    Steps steps = new Steps(engine, matter.get("trackingCode").asText()).complete("UserTask_OnSiteAnswer", "member1",
        List.of("member"), Map.of("resultText", "已当场解答。"));
    String dup = duplicate.get("trackingCode").asText();
    assertThat(http().get("/api/public/demands/" + dup).json().get("notice").get("result").asText()).isEqualTo("已当场解答。");

    windowCloses(steps, "2026-11-09T10:01:00+08:00");
    assertThat(http().get("/api/public/demands/" + dup).json().get("evaluation").get("due").asBoolean()).isTrue();
    assertThat(evaluate(steps.code(), "SATISFIED", null).status()).isEqualTo(201);
    steps.runJobs();
    assertThat(matterEnded(steps)).as("the duplicate's submitter has not answered yet").isFalse();
    assertThat(evaluate(dup, "BASICALLY_SATISFIED", null).status()).isEqualTo(201);
    steps.runJobs();
    assertThat(matterEnded(steps)).isTrue();
    assertThat(http().get("/api/public/demands/" + dup).body()).doesNotContain("司马光", "13698765432");
  }

  /** 满意率 per department: (满意 + 基本满意) / answered; no answer counts neither way. */
  @Test
  void theSatisfactionRate_perDepartment_countsAnswersOnly() {
    at("2032-03-01T09:00:00+08:00");
    List<Steps> matters = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String code = http().as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.with(Demands.body(),
          "urgency", "EMERGENCY"), "category", "WATER"), "village", "满意率村" + UUID.randomUUID())).json().get("trackingCode").asText();
      matters.add(new Steps(engine, code)
          .complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "已抢修完毕。"))
          .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT", "resolved", true)));
    }
    at("2032-03-08T09:01:00+08:00");
    matters.forEach(Steps::fireDueTimers);
    assertThat(evaluate(matters.get(0).code(), "SATISFIED", null).status()).isEqualTo(201);
    assertThat(evaluate(matters.get(1).code(), "UNSATISFIED", "抢修后又漏水").status()).isEqualTo(201);
    matters.forEach(Steps::runJobs);
    at("2032-03-23T09:02:00+08:00");
    matters.get(2).fireDueTimers();
    JsonNode summary = http().as("supervisor").get("/api/sla/summary?from=2032-03-01T00:00:00%2B08:00&to=2032-04-01T00:00:00%2B08:00").json();
    JsonNode water = null;
    for (JsonNode s : summary) if ("water".equals(s.get("department").asText())) water = s;
    assertThat(water.get("satisfactionRate").asDouble()).isEqualTo(0.5);
    assertThat(http().as("supervisor").get("/api/sla/summary.csv?from=2032-03-01T00:00:00%2B08:00&to=2032-04-01T00:00:00%2B08:00")
        .body()).contains("0.5");
  }
}
