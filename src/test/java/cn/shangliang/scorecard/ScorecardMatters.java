package cn.shangliang.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.Steps;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;

/** Matters for the scorecard's tests, made as people make them: a compliant platform, a matter met about and decided. */
record ScorecardMatters(int port, ProcessEngine engine, VillageAssignments villages) {

  Http http(String user) {
    return new Http(port).as(user);
  }

  /** A platform of the township with all six "六有" items checked met on the day. */
  String compliantPlatform(String township, String checkedOn) {
    String id = http("liaison").post("/api/platforms", Map.of("name", "评分议事室" + UUID.randomUUID().toString().substring(0, 4),
        "kind", "CONSULTATION_ROOM", "township", township)).json().get("id").asText();
    for (String item : List.of("PLACE", "SIGN", "FACILITIES", "RULES", "FUNDING", "ACTIVITIES")) {
      assertThat(http("liaison").post("/api/platforms/" + id + "/checks", Map.of("item", item, "met", true,
          "evidence", "实地查看", "checkedOn", checkedOn)).status()).isEqualTo(201);
    }
    return id;
  }

  /** A demand of the village investigated, met about (recorded now) and decided. */
  Steps consulted(String township, String village, Map<String, Object> investigation, Map<String, Object> schedule) {
    villages.assign(township, village, "member1", "admin");
    String code = http("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "township", township), "village", village))
        .json().get("trackingCode").asText();
    return new Steps(engine, code)
        .complete("UserTask_Investigate", "member1", List.of("member"), investigation)
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), schedule)
        .complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), Steps.meetingRecord())
        .complete("UserTask_Decide", "convenor", List.of("convenor"), Steps.decision());
  }
}
