package cn.shangliang.members;

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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 委员履职档案: a member's month counted from what the six steps recorded. */
@PlatformTest
class MemberActivityTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired VillageAssignments villages;

  String newMember() {
    String id = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    User user = identityService.newUser(id);
    user.setFirstName("委员");
    user.setLastName("钱");
    user.setPassword(id);
    identityService.saveUser(user);
    identityService.createMembership(id, "member");
    return id;
  }

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void aMembersMonth_isCountedFromTheRecords() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        java.util.Date.from(java.time.OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant()));
    String member = newMember();
    Http clerk = new Http(port).as("clerk");
    List<String> groups = List.of("member");

    // collected on a visit and answered on the spot
    JsonNode onSite = clerk.post("/api/demands", Demands.with(Demands.with(Demands.with(Demands.with(Demands.body(),
        "category", "POLICY"), "answerableOnSite", true), "scope", "HOUSEHOLD"), "collectingMember", member)).json();
    new Steps(engine, onSite.get("trackingCode").asText())
        .complete("UserTask_OnSiteAnswer", member, groups, Map.of("resultText", "已当场答复。"));

    // investigated in the member's village, attended the meeting, named as proposer
    String village = "履职村" + UUID.randomUUID().toString().substring(0, 6);
    villages.assign("中峰镇", village, member, "admin");
    JsonNode matter = clerk.post("/api/demands", Demands.with(Demands.with(Demands.body(), "township", "中峰镇"), "village", village)).json();
    new Steps(engine, matter.get("trackingCode").asText())
        .complete("UserTask_Investigate", member, groups, Steps.investigation("investigatedNeedsPolicyChange", true))
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule())
        .complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), Steps.meetingRecord("attendingMembers", member))
        .complete("UserTask_Decide", "convenor", List.of("convenor"), Steps.decision())
        .complete("UserTask_DraftProposal", "liaison", List.of("liaison-office"), Map.of("proposalTitle", "关于道路养护的提案",
            "proposalReasons", "村组道路缺少养护责任主体。", "proposalSuggestions", "建立道路养护责任制度。", "proposers", member + "，李委员"));

    String month = "2026-11";
    JsonNode activity = new Http(port).as("liaison").get("/api/members/" + member + "/activity?month=" + month).json();
    assertThat(activity.get("name").asText()).isEqualTo("钱委员");
    assertThat(activity.get("demandsCollected").asLong()).isEqualTo(1);
    assertThat(activity.get("onSiteAnswers").asLong()).isEqualTo(1);
    assertThat(activity.get("investigations").asLong()).isEqualTo(1);
    assertThat(activity.get("meetingsAttended").asLong()).isEqualTo(1);
    assertThat(activity.get("proposals").asLong()).isEqualTo(1);

    assertThat(new Http(port).as(member).get("/api/members/" + member + "/activity").json().get("month").asText()).isEqualTo(month);
    assertThat(new Http(port).as("liaison").get("/api/members/" + member + "/activity?month=2020-01").json()
        .get("investigations").asLong()).isZero();
    JsonNode summary = new Http(port).as("leader").get("/api/members/activity?month=" + month).json();
    assertThat(summary.get("byMember").findValuesAsText("member")).contains(member, "member1", "member2");
    assertThat(summary.get("investigations").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void accessAndBadInput() {
    Http http = new Http(port);
    assertThat(http.as("member2").get("/api/members/member1/activity").status()).isEqualTo(403);
    assertThat(http.as("member2").get("/api/members/activity").status()).isEqualTo(403);
    assertThat(http.as("transport").get("/api/members/member1/activity").status()).isEqualTo(403);
    assertThat(http.as("liaison").get("/api/members/nobody/activity").status()).isEqualTo(404);
    assertThat(http.as("liaison").get("/api/members/transport/activity").status()).as("not a member").isEqualTo(404);
    assertThat(http.as("liaison").get("/api/members/member1/activity?month=2026-13").status()).isEqualTo(400);
  }
}
