package cn.shangliang.scorecard;

import static cn.shangliang.support.TestClock.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 民主协商打分器 over HTTP: scores computed from what the six steps recorded, ranked, exported. */
@PlatformTest
class ScorecardTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired VillageAssignments villages;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  Http http(String user) {
    return new Http(port).as(user);
  }

  String compliantPlatform(String township) {
    return new ScorecardMatters(port, engine, villages).compliantPlatform(township, "2026-11-02");
  }

  Steps consulted(String township, String village, Map<String, Object> investigation, Map<String, Object> schedule) {
    return new ScorecardMatters(port, engine, villages).consulted(township, village, investigation, schedule);
  }

  static MatterScoreView find(JsonNode list, String code) {
    for (JsonNode n : list) if (n.get("trackingCode").asText().equals(code)) return new MatterScoreView(n);
    throw new AssertionError(code + " not in " + list);
  }

  record MatterScoreView(JsonNode json) {
    double total() {
      return json.get("total").asDouble();
    }

    JsonNode item(String key) {
      for (JsonNode i : json.get("items")) if (i.get("key").asText().equals(key)) return i;
      throw new AssertionError(key);
    }
  }

  @Test
  void scores_comeFromTheRecords_andRankTownshipsAndPlatforms() {
    String suffix = UUID.randomUUID().toString().substring(0, 5);
    String good = "评分镇" + suffix;
    String weak = "短板镇" + suffix;
    String platform = compliantPlatform(good);

    at("2035-03-05T10:00:00+08:00");
    // notice 15 days ahead, every party invited, two kinds of stakeholders, at a compliant platform
    Steps a = consulted(good, "甲村", Steps.investigation("stakeholders", "三组村民、沿街商户"),
        Steps.meetingSchedule("meetingTime", "2035-03-20T19:00", "inviteVillageCommittee", true, "platformId", platform));
    // the day before the meeting, the village committee not invited, one stakeholder, no platform
    Steps b = consulted(weak, "乙村", Steps.investigation(), Steps.meetingSchedule("meetingTime", "2035-03-06T19:00"));

    JsonNode quarter = http("supervisor").get("/api/scorecard/matters?period=2035-Q1").json();
    MatterScoreView first = find(quarter, a.code());
    // 25 + 35 + 30 × (decision 30)/100 + 10 × (院坝 50)/100 = 74: no reply yet, so none on time either
    assertThat(first.total()).isEqualTo(74.0);
    assertThat(first.json().get("grade").asText()).isEqualTo("合格");
    JsonNode onTime = first.item("REPLIED_ON_TIME");
    assertThat(onTime.get("met").asBoolean()).as("not earned before any reply exists").isFalse();
    assertThat(onTime.get("pending").asBoolean()).isTrue();
    assertThat(onTime.get("lost").asDouble()).as("nor lost").isZero();
    assertThat(onTime.get("measured").asText()).isEqualTo("未到评价时点（尚在答复时限内）");
    assertThat(first.item("OBJECTION_UPHELD").get("pending").asBoolean()).as("nothing publicized yet").isTrue();
    assertThat(first.json().get("pending").toString()).contains("承办单位在时限内答复落实", "群众满意率");
    assertThat(first.item("COMPLIANT_PLATFORM").get("met").asBoolean()).isTrue();
    assertThat(first.item("NOTICE_IN_ADVANCE").get("measured").asText()).isEqualTo("15.4"); // 10:00 → 19:00 fifteen days later
    assertThat(first.item("PUBLICIZED").get("lost").asDouble()).as("no result published yet").isEqualTo(20.0);
    MatterScoreView second = find(quarter, b.code());
    // 15 + 35 × (members 20 + minutes 15)/100 + 9 + 5 = 41.25
    assertThat(second.total()).isEqualTo(41.3);
    assertThat(second.json().get("grade").asText()).isEqualTo("不合格");
    assertThat(second.json().get("coreMissed").toString()).contains("会前至少3天发出事先知情通报");
    assertThat(second.item("STAKEHOLDERS_INVITED").get("measured").asText()).doesNotContain("VILLAGE_COMMITTEE");
    assertThat(http("supervisor").get("/api/scorecard/matters?period=2035-04").json().findValuesAsText("trackingCode"))
        .doesNotContain(a.code(), b.code());

    JsonNode townships = http("leader").get("/api/scorecard/townships?period=2035").json();
    assertThat(townships.get("scheme").asText()).isEqualTo("有事好商量协商工作评分（2026版）");
    List<String> order = townships.get("standings").findValuesAsText("name").stream().filter(n -> n.endsWith(suffix)).toList();
    assertThat(order).containsExactly(good, weak);
    JsonNode weakStanding = standing(townships, weak);
    assertThat(weakStanding.get("average").asDouble()).isEqualTo(41.3);
    assertThat(weakStanding.get("mostLost").findValuesAsText("key")).contains("NOTICE_IN_ADVANCE").doesNotContain("REPLIED_ON_TIME");
    JsonNode platforms = http("supervisor").get("/api/scorecard/platforms?period=2035").json();
    assertThat(platforms.get("withoutPlatform").get("name").asText()).isEqualTo("未在协商平台");
    assertThat(platforms.get("withoutPlatform").get("rank").asInt()).as("a line of its own, not ranked").isZero();
    assertThat(platforms.get("standings").findValuesAsText("name")).as("no platform is no platform in the ranking")
        .doesNotContain("未在协商平台");
    assertThat(platforms.get("standings").findValuesAsText("key")).contains(platform);

    // the department replies to the first in time: now it earns the on-time points
    a.complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"), Map.of("resultText", "已安排修补积水路段。"));
    MatterScoreView replied = new MatterScoreView(http("supervisor").get("/api/scorecard/matters/" + a.code()).json());
    assertThat(replied.item("REPLIED_ON_TIME").get("met").asBoolean()).isTrue();
    assertThat(replied.item("REPLIED_ON_TIME").get("pending").asBoolean()).isFalse();
    assertThat(replied.total()).isEqualTo(83.0);

    // the reply runs late and into supervision: the matter loses its on-time points and is deducted
    at("2035-05-06T10:00:00+08:00");
    b.fireDueTimers();
    MatterScoreView late = new MatterScoreView(http("supervisor").get("/api/scorecard/matters/" + b.code()).json());
    assertThat(late.item("REPLIED_ON_TIME").get("met").asBoolean()).isFalse();
    assertThat(late.item("SLA_BREACH").get("change").asDouble()).isNegative();
    assertThat(late.total()).isLessThan(second.total());

    Http.Response csv = http("supervisor").get("/api/scorecard/townships.csv?period=2035");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("content-type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\ufeff名次,乡镇（街道）").contains(good, weak);
    assertThat(http("supervisor").get("/api/scorecard/matters.csv?period=2035-Q1").body()).contains(a.code(), "83.0",
        "会前至少3天发出事先知情通报", "未到评价时点的条目");
    assertThat(http("supervisor").get("/api/scorecard/platforms.csv?period=2035").body()).contains("未在协商平台");
  }

  static JsonNode standing(JsonNode ranking, String name) {
    for (JsonNode s : ranking.get("standings")) {
      if (name == null ? s.get("key").isNull() : s.get("name").asText().equals(name)) return s;
    }
    throw new AssertionError(name + " not ranked: " + ranking);
  }

  @Test
  void access_andBadInput() {
    assertThat(http("clerk").get("/api/scorecard/townships").status()).isEqualTo(403);
    assertThat(http("transport").get("/api/scorecard/matters").status()).isEqualTo(403);
    assertThat(new Http(port).get("/api/scorecard/scheme").status()).isEqualTo(401);
    Http.Response bad = http("supervisor").get("/api/scorecard/townships?period=2035-13");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("period");
    JsonNode scheme = http("liaison").get("/api/scorecard/scheme").json();
    List<String> labels = new java.util.ArrayList<>();
    scheme.get("indicators").forEach(i -> labels.add(i.get("label").asText()));
    assertThat(labels).containsExactly("议题调研论证", "组织开展协商会议",
        "协商成果报送落实", "协商工作探索创新");
    assertThat(scheme.get("measures").has("noticeDaysBeforeMeeting")).isTrue();
    String fresh = http("clerk").post("/api/demands", Demands.body()).json().get("trackingCode").asText();
    assertThat(http("supervisor").get("/api/scorecard/matters/" + fresh).status()).as("never met about").isEqualTo(404);
  }
}
