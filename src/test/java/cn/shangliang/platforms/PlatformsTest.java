package cn.shangliang.platforms;

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

/** 协商平台 (DOMAIN.md §10): the registry, the "六有" checklist and the activity counted from recorded meetings. */
@PlatformTest
class PlatformsTest {
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

  String create(String name) {
    Http.Response created = http("liaison").post("/api/platforms", Map.of("name", name, "kind", "CONSULTATION_ROOM",
        "township", "中峰镇", "village", "同庆沟村", "address", "村委会二楼"));
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  Http.Response check(String id, String item, boolean met, String on) {
    return http("liaison").post("/api/platforms/" + id + "/checks", Map.of("item", item, "met", met,
        "evidence", "实地查看并拍照存档", "checkedOn", on));
  }

  @Test
  void registered_byTheLiaisonOffice_withItsMembers_andTheSixHaveChecklist() {
    String name = "同庆沟村协商议事室" + UUID.randomUUID().toString().substring(0, 4);
    assertThat(http("clerk").post("/api/platforms", Map.of("name", name, "kind", "CONSULTATION_ROOM", "township", "中峰镇"))
        .status()).isEqualTo(403);
    Http.Response bad = http("liaison").post("/api/platforms", Map.of("name", name, "kind", "CASTLE", "township", ""));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsText("field")).contains("kind", "township");
    String id = create(name);
    assertThat(http("liaison").post("/api/platforms", Map.of("name", name, "kind", "CONSULTATION_ROOM", "township", "中峰镇"))
        .status()).as("the same name in the same township").isEqualTo(409);

    assertThat(http("liaison").put("/api/platforms/" + id + "/members", Map.of("members", List.of("member1", "clerk")))
        .status()).as("only members").isEqualTo(400);
    JsonNode linked = http("liaison").put("/api/platforms/" + id + "/members", Map.of("members", List.of("member2", "member1")))
        .json();
    assertThat(linked.get("members").toString()).isEqualTo("[\"member1\",\"member2\"]");
    assertThat(linked.get("memberNames").toString()).as("the same members by name").isEqualTo("[\"李委员\",\"赵委员\"]");

    for (String item : List.of("PLACE", "SIGN", "FACILITIES", "RULES", "ACTIVITIES")) {
      assertThat(check(id, item, true, "2026-11-02").status()).isEqualTo(201);
    }
    JsonNode partly = check(id, "FUNDING", false, "2026-11-02").json();
    assertThat(partly.get("compliant").asBoolean()).isFalse();
    assertThat(partly.get("itemsMet").asInt()).isEqualTo(5);
    assertThat(partly.get("standard").findValuesAsText("label")).containsExactly("有场所", "有标识", "有设施", "有制度", "有经费", "有活动");
    assertThat(check(id, "FUNDING", true, "2099-01-01").status()).as("not in the future").isEqualTo(400);
    assertThat(check(id, "BEAUTY", true, "2026-11-02").status()).isEqualTo(400);
    JsonNode full = check(id, "FUNDING", true, "2026-11-10").json();
    assertThat(full.get("compliant").asBoolean()).as("the latest check of each item is in force").isTrue();
    assertThat(full.get("standard").get(0).get("checkedByName").asText()).isEqualTo("陈工委");
    assertThat(http("clerk").get("/api/platforms?compliant=true&township=中峰镇").json().findValuesAsText("id")).contains(id);
    assertThat(http("clerk").get("/api/platforms?compliant=false").json().findValuesAsText("id")).doesNotContain(id);
    assertThat(http("clerk").get("/api/platforms/999999999").status()).isEqualTo(404);
  }

  /** A matter consulted at the platform: investigated, the meeting scheduled there and recorded with its members. */
  Steps consulted(String village, String platformId, String members, boolean onSite) {
    String code = http("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "township", "中峰镇"), "village", village))
        .json().get("trackingCode").asText();
    Steps steps = new Steps(engine, code);
    steps.complete("UserTask_Investigate", "member1", List.of("member"), Steps.investigation(
            "investigatedAnswerableOnSite", onSite, "investigatedScope", "VILLAGE"))
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), platformId == null ? Steps.meetingSchedule()
            : Steps.meetingSchedule("platformId", platformId))
        .complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), Steps.meetingRecord("attendingMembers", members))
        .complete("UserTask_Decide", "convenor", List.of("convenor"), Steps.decision());
    return steps;
  }

  @Test
  void activity_isCountedFromTheMeetingsRecordedThere() {
    String village = "平台村" + UUID.randomUUID().toString().substring(0, 6);
    for (String v : List.of(village, village + "二", village + "三", village + "四")) villages.assign("中峰镇", v, "member1", "admin");
    String here = create("活动统计议事室" + UUID.randomUUID().toString().substring(0, 4));
    String elsewhere = create("别处议事室" + UUID.randomUUID().toString().substring(0, 4));

    at("2033-03-10T10:00:00+08:00");
    Steps solved = consulted(village, here, "member1", true);
    solved.complete("UserTask_HandlingAnswer", "member1", List.of("member"), Map.of("resultText", "按现有政策当场解答。"));
    at("2033-03-12T10:00:00+08:00");
    consulted(village + "二", here, "member1,member2", false);
    at("2033-05-02T10:00:00+08:00");
    consulted(village + "三", elsewhere, "member2", false);
    consulted(village + "四", null, "member2", false);
    // the answered matter: published a week, then nobody evaluates within 15 days — closed, no 不满意
    at("2033-03-17T10:01:00+08:00");
    solved.fireDueTimers();
    at("2033-04-01T10:02:00+08:00");
    solved.fireDueTimers();

    JsonNode year = http("clerk").get("/api/platforms/" + here + "/activity?year=2033").json();
    assertThat(year.get("consultations").asInt()).isEqualTo(2);
    assertThat(year.get("matters").asInt()).isEqualTo(2);
    assertThat(year.get("solved").asInt()).isEqualTo(1);
    assertThat(year.get("membersActive").asInt()).isEqualTo(2);
    JsonNode march = year.get("months").get(2);
    assertThat(march.get("month").asText()).isEqualTo("2033-03");
    assertThat(march.get("consultations").asInt()).isEqualTo(2);
    assertThat(year.get("months").get(4).get("consultations").asInt()).as("May's meeting was held elsewhere").isZero();
    assertThat(http("clerk").get("/api/platforms/" + elsewhere + "/activity?year=2033").json().get("consultations").asInt())
        .isEqualTo(1);
    assertThat(http("clerk").get("/api/platforms/" + here + "/activity?year=2032").json().get("consultations").asInt()).isZero();
  }

  @Test
  void thePage_isForStaff_andReadsTheApi() {
    assertThat(new Http(port).get("/platforms").status()).isEqualTo(401);
    Http.Response page = http("liaison").get("/platforms");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("协商平台", "/platforms/platforms.js", "/dashboard/dashboard.css");
    assertThat(http("liaison").get("/dashboard/dashboard.css").status()).as("the shared style sheet").isEqualTo(200);
    assertThat(http("liaison").get("/dashboard").status()).as("the dashboard itself stays the supervisors'").isEqualTo(403);
    assertThat(http("liaison").get("/platforms/platforms.js").body()).contains("/api/platforms");
  }
}
