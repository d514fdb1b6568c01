package cn.shangliang.consultation;

import static cn.shangliang.support.TestClock.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import cn.shangliang.system.PublicRateLimiter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 网络协商 end to end over HTTP: invite, opinions, a duplicate and an expired link refused, the round closed into the record. */
@PlatformTest
class OnlineRoundTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PublicRateLimiter limiter;
  @Autowired VillageAssignments villages;

  @BeforeEach
  void fresh() {
    limiter.reset();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  Http http(String user) {
    return new Http(port).as(user);
  }

  Http anonymous() {
    return new Http(port);
  }

  String submitted(Map<String, Object> body) {
    villages.assign("中峰镇", (String) body.get("village"), "member1", "admin");
    return http("clerk").post("/api/demands", body).json().get("trackingCode").asText();
  }

  Steps online(String invitees) {
    String code = submitted(Demands.with(Demands.body(), "submitter", Map.of("name", "欧阳明", "phone", "13900000000")));
    return new Steps(engine, code)
        .complete("UserTask_Investigate", "member1", List.of("member"), Steps.investigation())
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule("meetingForm", "ONLINE",
            "meetingTime", "2036-06-10T19:00", "meetingPlace", "村民微信群", "onlineInvitees", invitees));
  }

  static String token(String link) {
    assertThat(link).startsWith("http://localhost:8080/public?round=");
    return link.substring(link.indexOf("round=") + 6);
  }

  Http.Response opine(String token, String stance, String text) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("stance", stance);
    body.put("text", text);
    return anonymous().post("/api/public/rounds/" + token + "/opinions", body);
  }

  @Test
  void invitedPeople_giveOneOpinionEach_untilTheLinkExpires_andTheRoundClosesIntoTheMeetingRecord() {
    at("2036-06-01T09:00:00+08:00");
    Steps matter = online("王大爷，群众代表\n沿街商户代表，其他利益相关方");
    String code = matter.code();
    assertThat((String) engine.getRuntimeService().getVariable(matter.task("UserTask_RecordMeeting").getProcessInstanceId(),
        "onlineRoundLinks")).contains("王大爷（群众代表）：http://localhost:8080/public?round=");

    assertThat(http("clerk").post("/api/demands/" + code + "/online-round/invitations",
        Map.of("invitees", List.of(Map.of("name", "李老师", "kind", "EXPERTS")))).status()).isEqualTo(403);
    Http.Response bad = http("convenor").post("/api/demands/" + code + "/online-round/invitations",
        Map.of("invitees", List.of(Map.of("name", "李老师", "kind", "ALIENS"))));
    assertThat(bad.status()).isEqualTo(400);
    Http.Response invited = http("convenor").post("/api/demands/" + code + "/online-round/invitations",
        Map.of("invitees", List.of(Map.of("name", "李老师", "kind", "专家"))));
    assertThat(invited.status()).isEqualTo(201);
    assertThat(invited.json().get(0).get("kindLabel").asText()).isEqualTo("专家");

    JsonNode round = http("convenor").get("/api/demands/" + code + "/online-round").json();
    assertThat(round.get("status").asText()).isEqualTo("OPEN");
    assertThat(round.get("expiresAt").asText()).startsWith("2036-06-11T19:00");
    List<String> tokens = new ArrayList<>();
    round.get("invitations").forEach(i -> tokens.add(token(i.get("link").asText())));
    assertThat(tokens).hasSize(3).doesNotHaveDuplicates();

    JsonNode page = anonymous().get("/api/public/rounds/" + tokens.get(0)).json();
    assertThat(page.get("status").asText()).isEqualTo("OPEN");
    assertThat(page.get("meetingForm").asText()).isEqualTo("网络协商");
    assertThat(page.toString()).doesNotContain("欧阳明", "13900000000", "王大爷", "李老师");
    assertThat(anonymous().get("/api/public/rounds/notARealTokenAtAll").status()).isEqualTo(404);

    // two opinions; bad input changes nothing
    assertThat(opine(tokens.get(0), "MAYBE", null).status()).isEqualTo(400);
    assertThat(opine(tokens.get(0), "SUGGESTION", "好").json().get("errors").findValuesAsText("field")).containsExactly("text");
    assertThat(opine(tokens.get(0), "SUPPORT", null).status()).isEqualTo(201);
    assertThat(opine(tokens.get(1), "SUGGESTION", "我叫赵六，电话13812345678，建议晚上施工时设置警示灯。").status()).isEqualTo(201);
    Http.Response again = opine(tokens.get(0), "OPPOSE", "改主意了");
    assertThat(again.status()).as("one opinion per link").isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("只能发表一次");

    JsonNode seen = anonymous().get("/api/public/rounds/" + tokens.get(2)).json();
    assertThat(seen.get("counts").toString()).isEqualTo("{\"SUPPORT\":1,\"OPPOSE\":0,\"SUGGESTION\":1}");
    assertThat(seen.get("answered").asBoolean()).isFalse();
    assertThat(seen.get("suggestions").get(0).get("text").asText()).contains("我叫赵*", "138****5678").doesNotContain("赵六");
    assertThat(anonymous().get("/api/public/rounds/" + tokens.get(0)).json().get("yourStance").asText()).isEqualTo("SUPPORT");

    // a day after the meeting time the links expire
    at("2036-06-11T19:00:01+08:00");
    Http.Response expired = opine(tokens.get(2), "OPPOSE", null);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.json().get("detail").asText()).contains("已过期");
    assertThat(anonymous().get("/api/public/rounds/" + tokens.get(2)).json().get("status").asText()).isEqualTo("EXPIRED");
    assertThat(http("convenor").post("/api/demands/" + code + "/online-round/invitations",
        Map.of("invitees", List.of(Map.of("name", "晚到的人", "kind", "RESIDENTS")))).status()).isEqualTo(409);

    // the convenor closes the round: counts and suggestions into the meeting record
    assertThat(http("clerk").post("/api/demands/" + code + "/online-round/close", Map.of()).status()).isEqualTo(403);
    JsonNode closed = http("convenor").post("/api/demands/" + code + "/online-round/close", Map.of()).json();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("opinions").findValuesAsText("invitee")).containsExactly("王大爷", "沿街商户代表");
    assertThat(closed.get("meetingRecord").asText()).startsWith("网络协商：邀请3人，2人发表意见（支持1，反对0，建议1）")
        .contains("[建议] 我叫赵六");
    assertThat(http("convenor").post("/api/demands/" + code + "/online-round/close", Map.of()).status()).isEqualTo(409);
    assertThat(opine(tokens.get(2), "OPPOSE", null).status()).as("closed").isEqualTo(409);

    matter.complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), Steps.meetingRecord());
    JsonNode meeting = http("convenor").get("/api/demands/" + code).json().get("steps").get("meetings").get(0);
    assertThat(meeting.get("onlineOpinions").asText()).contains("支持1，反对0，建议1");
    assertThat(http("supervisor").get("/api/scorecard/matters/" + code).json().get("items").toString())
        .contains("\"key\":\"ONLINE_OPINIONS\",\"label\":\"网络协商收集群众意见不少于5条\",\"kind\":\"ITEM\",\"indicator\":\"INNOVATION\","
            + "\"core\":false,\"met\":false,\"measured\":\"2\"");
  }

  @Test
  void inviteesNames_areMaskedInTheSuggestionsEveryoneSees_butNotRolesOrOffices() {
    at("2036-06-01T09:00:00+08:00");
    Steps matter = online("钱多多，群众代表\n孙丽，其他利益相关方\n交通运输局，相关部门\n沿街商户，其他利益相关方");
    List<String> tokens = new ArrayList<>();
    http("convenor").get("/api/demands/" + matter.code() + "/online-round").json().get("invitations")
        .forEach(i -> tokens.add(token(i.get("link").asText())));
    assertThat(opine(tokens.get(0), "SUGGESTION", "钱多多建议晚上施工时设置警示灯。").status()).isEqualTo(201);
    assertThat(opine(tokens.get(1), "SUGGESTION", "本人孙丽，同意钱多多的建议，请交通运输局注意噪音。").status()).isEqualTo(201);
    assertThat(opine(tokens.get(3), "SUGGESTION", "我们沿街商户希望白天施工。").status()).isEqualTo(201);
    JsonNode suggestions = anonymous().get("/api/public/rounds/" + tokens.get(2)).json().get("suggestions");
    assertThat(suggestions.findValuesAsText("text")).containsExactly("钱*建议晚上施工时设置警示灯。",
        "本人孙*，同意钱*的建议，请交通运输局注意噪音。", "我们沿街商户希望白天施工。");
  }

  @Test
  void recordingTheMeeting_closesAnOpenRound() {
    at("2036-07-01T09:00:00+08:00");
    Steps matter = online("张阿姨");
    String token = token(http("convenor").get("/api/demands/" + matter.code() + "/online-round").json()
        .get("invitations").get(0).get("link").asText());
    assertThat(opine(token, "OPPOSE", "担心施工噪音影响休息。").status()).isEqualTo(201);
    matter.complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), Steps.meetingRecord());
    JsonNode round = http("convenor").get("/api/demands/" + matter.code() + "/online-round").json();
    assertThat(round.get("status").asText()).isEqualTo("CLOSED");
    assertThat(round.get("closedBy").asText()).isEqualTo("convenor");
    assertThat(round.get("meetingRecord").asText()).contains("反对1", "[反对] 担心施工噪音影响休息。");
    assertThat(opine(token, "SUPPORT", null).status()).isEqualTo(409);
  }

  @Test
  void aWrongInviteeLine_isRefusedAtScheduling() {
    String code = submitted(Demands.body());
    Steps steps = new Steps(engine, code).complete("UserTask_Investigate", "member1", List.of("member"), Steps.investigation());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> steps.complete("UserTask_ScheduleMeeting", "convenor",
        List.of("convenor"), Steps.meetingSchedule("meetingForm", "ONLINE", "onlineInvitees", "王五，外星人")))
        .hasMessageContaining("第1行的身份「外星人」");
    assertThat(steps.openTasks()).contains("UserTask_ScheduleMeeting");
    assertThat(http("convenor").get("/api/demands/" + code + "/online-round").status()).isEqualTo(404);
  }
}
