package cn.shangliang.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.intake.AccessCodes;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import cn.shangliang.system.AuthorizationMatrixTest;
import cn.shangliang.system.ForbiddenException;
import cn.shangliang.system.PublicRateLimiter;
import cn.shangliang.system.TooManyRequestsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** 查询码 (API.md "Who may speak for a demand"): only the submitter evaluates; staff record phone callbacks. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class AccessCodeTest {
  private static final String CODE_SHAPE = "[2-9A-HJKMNP-Z]{8}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired PublicRateLimiter limiter;
  @Autowired DemandQueries demands;

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

  @Test
  void theCodeIsOnTheFirstAnswerOnly_andInNoOtherResponseOrLogLine(CapturedOutput output) {
    Map<String, Object> body = Demands.with(Demands.body(), "externalId", "access-code-" + UUID.randomUUID());
    JsonNode created = http().as("clerk").post("/api/demands", body).json();
    String code = created.get("accessCode").asText();
    assertThat(code).matches(CODE_SHAPE);
    Http.Response repeated = http().as("clerk").post("/api/demands", body);
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.json().has("accessCode")).as("a repeated request never sees the code again").isFalse();

    Http.Response publicSubmission = http().post("/api/public/demands", Map.of("title", "路灯不亮", "description",
        "村口路灯坏了一个月。", "category", "TRANSPORT", "township", "中峰镇", "village", "查询码村" + UUID.randomUUID(),
        "submitter", Map.of("name", "王五", "phone", "13600001111")));
    assertThat(publicSubmission.status()).isEqualTo(201);
    String publicCode = publicSubmission.json().get("accessCode").asText();
    assertThat(publicCode).matches(CODE_SHAPE).isNotEqualTo(code);
    assertThat(publicSubmission.json().get("trackingCode").asText()).startsWith("SL-");

    String trackingCode = created.get("trackingCode").asText();
    String id = created.get("id").asText();
    for (String path : readablePaths(id, trackingCode, created.get("processInstanceId").asText())) {
      Http.Response response = http().as("admin").get(path);
      assertThat(response.body()).as(path).doesNotContain(code).doesNotContain(publicCode);
    }
    assertThat(output.getAll()).doesNotContain(code).doesNotContain(publicCode);
  }

  @Test
  void onlyTheRightCodeEvaluates_refusalsWriteNothing() {
    Steps steps = evaluationDue();
    String code = Demands.accessCode(http(), steps.code());
    int rows = rowsOf(steps.code());

    assertThat(evaluate(steps.code(), null).status()).isEqualTo(403);
    Http.Response wrong = evaluate(steps.code(), "ABCDEFGH");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    assertThat(wrong.json().get("detail").asText()).isEqualTo("查询码不正确");
    assertThat(rowsOf(steps.code())).as("refused: no evaluation, no history").isEqualTo(rows);

    String typedAsPrinted = code.substring(0, 4).toLowerCase() + "-" + code.substring(4);
    assertThat(evaluate(steps.code(), typedAsPrinted).status()).isEqualTo(201);
  }

  @Test
  void fiveWrongCodesLockTheDemandForFifteenMinutes_onEveryNode() {
    Steps steps = evaluationDue();
    String code = Demands.accessCode(http(), steps.code());
    for (int i = 0; i < 4; i++) assertThat(evaluate(steps.code(), "WRONG" + i).status()).isEqualTo(403);
    // the fifth through a second node: the count is kept in the database both read
    AccessCodes otherNode = new AccessCodes(jdbc, transactions, clock);
    assertThat(otherNodeRefuses(otherNode, steps.code())).isEqualTo(403);

    Http.Response locked = evaluate(steps.code(), code);
    assertThat(locked.status()).as("locked even for the right code").isEqualTo(429);
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
    assertThat(otherNodeRefuses(otherNode, steps.code())).isEqualTo(429);

    later(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(evaluate(steps.code(), code).status()).isEqualTo(201);
  }

  @Test
  void aNewCodeReplacesTheOldOne_andIsRecorded() {
    Steps steps = evaluationDue();
    String old = Demands.accessCode(http(), steps.code());
    String current = Demands.accessCode(http(), steps.code());
    assertThat(evaluate(steps.code(), old).status()).isEqualTo(403);
    assertThat(evaluate(steps.code(), current).status()).isEqualTo(201);
    JsonNode history = http().as("liaison").get("/api/demands/" + steps.code()).json().get("history");
    assertThat(history.findValuesAsText("kind")).contains("ACCESS_CODE_REISSUED");
    assertThat(http().as("member1").post("/api/demands/" + steps.code() + "/access-code", "").status()).isEqualTo(403);
  }

  @Test
  void staffRecordAPhoneCallback_withWhoRecordedIt() {
    Steps steps = evaluationDue();
    Http.Response recorded = http().as("liaison").post("/api/demands/" + steps.code() + "/evaluation",
        Map.of("rating", "BASICALLY_SATISFIED", "comment", "电话回访：基本解决。", "channel", "PHONE_CALLBACK"));
    assertThat(recorded.status()).isEqualTo(201);
    assertThat(recorded.json().get("recordedBy").asText()).isEqualTo("liaison");
    assertThat(recorded.json().get("channelLabel").asText()).isEqualTo("电话回访");
    assertThat(jdbc.queryForObject("select recorded_by from satisfaction_evaluation e join demand d on d.id = e.demand_id "
        + "where d.tracking_code = ?", String.class, steps.code())).isEqualTo("liaison");
    assertThat(http().as("liaison").get("/api/demands/" + steps.code()).json().get("history").findValuesAsText("detail"))
        .anyMatch(text -> text.startsWith("电话回访（陈工委记录）：基本满意"));

    assertThat(http().as("liaison").post("/api/demands/" + evaluationDue().code() + "/evaluation",
        Map.of("rating", "SATISFIED", "channel", "PUBLIC")).status()).as("staff only record callbacks").isEqualTo(400);
    assertThat(http().as("transport").post("/api/demands/" + steps.code() + "/evaluation",
        Map.of("rating", "SATISFIED")).status()).isEqualTo(403);
  }

  @Test
  void aDepartmentNeverGradesItsOwnWork() {
    String userId = "callback-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(userId);
    user.setPassword(userId);
    identity.saveUser(user);
    identity.createMembership(userId, "liaison-office");
    identity.createMembership(userId, "dept-transport");
    String code = http().as("clerk").post("/api/demands", Demands.body()).json().get("trackingCode").asText();

    Http.Response refused = http().as(userId).post("/api/demands/" + code + "/evaluation", Map.of("rating", "SATISFIED"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("承办部门不能评价本部门办理的诉求");
  }

  /** An on-site answer whose publicity window has closed: the submitter's evaluation is due. */
  private Steps evaluationDue() {
    Map<String, Object> body = Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.body(),
        "category", "POLICY"), "scope", "HOUSEHOLD"), "answerableOnSite", true), "collectingMember", "member1"),
        "village", "查询码村" + UUID.randomUUID());
    String code = http().as("clerk").post("/api/demands", body).json().get("trackingCode").asText();
    Steps steps = new Steps(engine, code).complete("UserTask_OnSiteAnswer", "member1", List.of("member"),
        Map.of("resultText", "已当场解答。"));
    later(Duration.ofDays(8));
    return steps.fireDueTimers();
  }

  private int otherNodeRefuses(AccessCodes node, String trackingCode) {
    try {
      node.check(demands.find(trackingCode), "WRONG9");
      return 200;
    } catch (ForbiddenException e) {
      return 403;
    } catch (TooManyRequestsException e) {
      return 429;
    }
  }

  private Http.Response evaluate(String trackingCode, String accessCode) {
    Map<String, Object> body = new HashMap<>(Map.of("rating", "SATISFIED"));
    if (accessCode != null) body.put("accessCode", accessCode);
    return http().post("/api/public/demands/" + trackingCode + "/evaluation", body);
  }

  private int rowsOf(String trackingCode) {
    return jdbc.queryForObject("select (select count(*) from demand_event e join demand d on d.id = e.demand_id "
        + "where d.tracking_code = ?) + (select count(*) from satisfaction_evaluation e join demand d on d.id = e.demand_id "
        + "where d.tracking_code = ? and e.status <> 'PENDING')", Integer.class, trackingCode, trackingCode);
  }

  /**
   * Every GET the authorization matrix knows, aimed at the demand where it names one, and Camunda's views of its
   * process: variables, history details, tasks, the operation log.
   */
  private static List<String> readablePaths(String id, String trackingCode, String processInstanceId) {
    List<String> paths = new ArrayList<>(AuthorizationMatrixTest.matrix().keySet().stream()
        .filter(e -> e.method().equals("GET") && !e.path().contains("**"))
        .map(e -> e.path().replaceAll("\\{(id|idOrCode|trackingCode)}", trackingCode).replaceAll("\\{[^}]+}", "1"))
        .toList());
    paths.add("/api/demands/" + id);
    for (String engineRest : List.of("/process-instance/" + processInstanceId + "/variables",
        "/history/variable-instance?processInstanceId=" + processInstanceId, "/history/detail?processInstanceId=" + processInstanceId,
        "/task?processInstanceId=" + processInstanceId, "/history/user-operation?maxResults=500")) {
      paths.add("/engine-rest" + engineRest);
    }
    return paths;
  }

  private Http http() {
    return new Http(port);
  }

  private static void at(String moment) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }
}
