package cn.shangliang.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public view of a demand and the publicity board: open to anyone, never a raw piece of personal data. */
@PlatformTest
class PublicApiTest {
  static final List<String> PERSONAL = List.of("张三丰", "13812341234", "13987654321", "110101199003071234", "13700009999",
      "吴十", "13711112222");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void followingADemandByTrackingCode_showsProgressAndResult_butNoPersonalData() {
    Map<String, Object> body = Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.body(),
        "category", "POLICY"), "scope", "HOUSEHOLD"), "answerableOnSite", true), "collectingMember", "member1"),
        "submitter", Map.of("name", "张三丰", "phone", "13812341234")),
        "description", "我叫张三丰，电话13987654321，身份证110101199003071234，想咨询低保政策。");
    String code = new Http(port).as("clerk").post("/api/demands", body).json().get("trackingCode").asText();

    Http.Response early = new Http(port).get("/api/public/demands/" + code);
    assertThat(early.status()).isEqualTo(200);
    assertThat(early.json().get("steps").findValuesAsText("step")).containsExactly("COLLECT");
    assertNoPersonalData(early.body());

    new Steps(engine, code).complete("UserTask_OnSiteAnswer", "member1", List.of("member"),
        Map.of("resultText", "已当场解答低保申请条件，可拨打13700009999咨询民政所。"));
    Http.Response answered = new Http(port).get("/api/public/demands/" + code);
    JsonNode json = answered.json();
    assertThat(json.get("submitter").get("name").asText()).isEqualTo("张*");
    assertThat(json.get("submitter").get("phone").asText()).isEqualTo("138****1234");
    assertThat(json.get("status").asText()).isEqualTo("PUBLICIZING");
    assertThat(json.get("route").get("route").asText()).isEqualTo("ON_SITE");
    assertThat(json.get("handlingUnit").asText()).isEqualTo("政协委员");
    assertThat(json.get("result").asText()).contains("137****9999", "民政所");
    assertThat(json.get("notice").get("closesAt").asText()).isNotBlank();
    assertThat(json.get("steps").findValuesAsText("step")).containsExactly("COLLECT", "HANDLE", "PUBLICIZE");
    assertNoPersonalData(answered.body());

    JsonNode found = null;
    JsonNode page = new Http(port).get("/api/public/notices?page=0&size=100").json();
    for (int p = 0; found == null && p < page.get("totalPages").asInt(); p++) {
      JsonNode content = new Http(port).get("/api/public/notices?page=" + p + "&size=100").json();
      assertNoPersonalData(content.toString());
      for (JsonNode notice : content.get("content")) if (notice.get("trackingCode").asText().equals(code)) found = notice;
    }
    assertThat(found).as("the notice is on the board").isNotNull();
  }

  @Autowired cn.shangliang.system.PublicRateLimiter limiter;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @org.junit.jupiter.api.AfterEach
  void resetLimits() {
    limiter.reset();
  }

  Map<String, Object> submission(String village) {
    return Map.of("title", "村口垃圾桶满了没人清", "description", "村口三个垃圾桶一周没人清运，气味很大。", "category", "SANITATION",
        "township", "中峰镇", "village", village, "submitter", Map.of("name", "吴十", "phone", "13711112222"));
  }

  @Test
  void aCitizenSubmitsFromThePublicPage_throughTheSameIntake() {
    limiter.reset();
    String village = "公众村" + java.util.UUID.randomUUID().toString().substring(0, 6);
    Http.Response created = new Http(port).post("/api/public/demands", submission(village));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String code = created.json().get("trackingCode").asText();
    assertThat(created.header("location")).endsWith("/api/public/demands/" + code);
    assertThat(created.json().get("submitter").get("name").asText()).isEqualTo("吴*");
    assertNoPersonalData(created.body());
    JsonNode staff = new Http(port).as("liaison").get("/api/demands/" + code).json();
    assertThat(staff.get("channel").asText()).isEqualTo("ONLINE");
    assertThat(staff.get("createdBy").asText()).isEqualTo("public");
    assertThat(staff.get("submitter").get("phone").asText()).isEqualTo("13711112222");
    assertThat(staff.get("route").get("leadDepartment").asText()).isEqualTo("urban-management");

    Http.Response bad = new Http(port).post("/api/public/demands", Map.of("title", "", "category", "ROADS"));
    assertThat(bad.status()).isEqualTo(400);
    Http.Response missing = new Http(port).post("/api/public/demands", Map.of("title", "只有标题"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").findValuesAsText("field")).contains("description", "category", "township", "village");
    assertThat(jdbc.queryForObject("select count(*) from demand where village = ?", Long.class, village)).isEqualTo(1);
  }

  @Test
  void publicWrites_areRateLimitedPerAddress() {
    limiter.reset();
    String village = "限流村" + java.util.UUID.randomUUID().toString().substring(0, 6);
    int accepted = 0;
    Http.Response refused = null;
    for (int i = 0; i < 20 && refused == null; i++) {
      Http.Response response = new Http(port).post("/api/public/demands", submission(village));
      if (response.status() == 429) refused = response;
      else accepted++;
    }
    assertThat(accepted).isEqualTo(10);
    assertThat(refused).isNotNull();
    assertThat(refused.header("retry-after")).isNotBlank();
    assertThat(refused.header("content-type")).startsWith("application/problem+json");
    assertThat(jdbc.queryForObject("select count(*) from demand where village = ?", Long.class, village)).isEqualTo(10);
  }

  @Test
  void thePublicPage_isOpenToAnyone() {
    Http.Response page = new Http(port).get("/public?code=SL-2026-000001");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("有事好商量", "受理编号", "办理结果公示", "/public/public.js");
    assertThat(new Http(port).get("/public/public.js").body()).contains("/api/public/demands/", "/api/public/notices");
  }

  @Test
  void unknownCodes_andBadPaging() {
    assertThat(new Http(port).get("/api/public/demands/SL-2026-999999").status()).isEqualTo(404);
    assertThat(new Http(port).get("/api/public/demands/1").status()).as("ids are not tracking codes").isEqualTo(404);
    Http.Response badSize = new Http(port).get("/api/public/notices?size=1000");
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.header("content-type")).startsWith("application/problem+json");
    assertThat(new Http(port).get("/api/public/notices?page=-1").status()).isEqualTo(400);
    JsonNode board = new Http(port).get("/api/public/notices").json();
    assertThat(board.get("size").asInt()).isEqualTo(20);
  }

  static void assertNoPersonalData(String body) {
    for (String value : PERSONAL) assertThat(body).as("public output leaks " + value).doesNotContain(value);
  }

  /**
   * Real-looking personal data in every field a citizen or an official can fill, through every public output:
   * the demand by tracking code, the board, the objection and evaluation answers, Open311 reads and the page.
   */
  @Test
  void personalData_neverLeavesThroughAnyPublicOutput() {
    limiter.reset();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.OffsetDateTime.parse(
        "2026-11-02T10:00:00+08:00").toInstant()));
    try {
      Map<String, Object> body = Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(
          Demands.body(), "category", "POLICY"), "scope", "HOUSEHOLD"), "answerableOnSite", true), "collectingMember", "member1"),
          "submitter", Map.of("name", "张三丰", "phone", "13812341234")), "title", "张三丰咨询低保（电话13812341234）"),
          "description", "我叫张三丰，电话13987654321，身份证110101199003071234，想咨询低保政策。");
      String code = new Http(port).as("clerk").post("/api/demands", body).json().get("trackingCode").asText();
      Steps steps = new Steps(engine, code).complete("UserTask_OnSiteAnswer", "member1", List.of("member"),
          Map.of("resultText", "已向张三丰解答，可拨打13700009999咨询，或到民政所（13711112222）办理。"));
      String noticeId = new Http(port).get("/api/public/demands/" + code).json().get("notice").get("id").asText();
      Http.Response objection = new Http(port).post("/api/public/notices/" + noticeId + "/objections",
          Map.of("reason", "我叫吴十，电话13711112222，身份证110101199003071234，答复不对。"));
      assertThat(objection.status()).isEqualTo(201);
      assertNoPersonalData(objection.body());
      steps.complete("UserTask_ReviewObjection", "liaison", List.of("liaison-office"), Map.of("objectionDecision", "DISMISS",
          "objectionAnswer", "已电话13700009999联系张三丰核实，答复无误。"));
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.OffsetDateTime.parse(
          "2026-11-09T10:01:00+08:00").toInstant()));
      steps.fireDueTimers();
      Http.Response evaluation = new Http(port).post("/api/public/demands/" + code + "/evaluation",
          Map.of("rating", "UNSATISFIED", "comment", "我是张三丰，13812341234，还没解决", "accessCode",
              Demands.accessCode(new Http(port), code)));
      assertThat(evaluation.status()).isEqualTo(201);
      assertNoPersonalData(evaluation.body());

      for (String path : List.of("/api/public/demands/" + code, "/api/public/notices?size=100", "/open311/v2/requests/" + code + ".json",
          "/open311/v2/requests.json?service_request_id=" + code, "/public?code=" + code, "/public/public.js")) {
        Http.Response response = new Http(port).get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertNoPersonalData(response.body());
      }
      JsonNode view = new Http(port).get("/api/public/demands/" + code).json();
      assertThat(view.get("notice").get("objections").get(0).get("answer").asText()).contains("张*", "137****9999");
      assertThat(view.get("title").asText()).isEqualTo("张*咨询低保（电话138****1234）");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  /** The public page's header badge: nothing for visitors (and no login prompt), the unread count for staff. */
  @Test
  void theStaffBadge_isEmptyForVisitors_andCountsForStaff() {
    Http.Response visitor = new Http(port).get("/api/public/staff-badge");
    assertThat(visitor.status()).isEqualTo(200);
    assertThat(visitor.header("www-authenticate")).isNull();
    assertThat(visitor.json().get("loggedIn").asBoolean()).isFalse();
    JsonNode staff = new Http(port).as("supervisor").get("/api/public/staff-badge").json();
    assertThat(staff.get("loggedIn").asBoolean()).isTrue();
    assertThat(staff.get("user").asText()).isEqualTo("supervisor");
    assertThat(staff.get("userName").asText()).as("greeted by name").isEqualTo("周督查");
    assertThat(staff.get("unread").asInt()).isEqualTo(new Http(port).as("supervisor").get("/api/notifications/count").json()
        .get("unread").asInt());
  }
}
