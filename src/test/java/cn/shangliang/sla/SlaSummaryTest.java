package cn.shangliang.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The three rates of 接诉即办 against a hand-computed fixture of 20 emergencies for the environment
 * bureau, all due in June 2031 (a month no other test touches):
 * 12 replied on time, 5 late, 3 never; of the 17 replies, 10 accepted as solved, 4 accepted unsolved,
 * 3 returned. Expected: response 17/20 = 0.85, on time 12/17 = 0.706, resolution 10/14 = 0.714,
 * 8 breaches, satisfaction not applicable (no evaluations).
 */
@PlatformTest
class SlaSummaryTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static void at(String moment) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
  }

  @Test
  void theThreeRates_matchAHandComputedFixture() {
    at("2031-06-02T09:00:00+08:00");
    List<Steps> matters = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String code = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", "EMERGENCY"),
          "category", "ENVIRONMENT")).json().get("trackingCode").asText();
      matters.add(new Steps(engine, code));
    }
    List<String> officer = List.of("dept-environment");
    at("2031-06-02T15:00:00+08:00");
    for (Steps m : matters.subList(0, 12)) {
      m.complete("UserTask_DepartmentReply", "env-officer", officer, Map.of("resultText", "已按时处置。"));
    }
    at("2031-06-03T09:01:00+08:00");
    matters.forEach(Steps::fireDueTimers);
    at("2031-06-03T12:00:00+08:00");
    for (Steps m : matters.subList(12, 17)) {
      m.complete("UserTask_DepartmentReply", "env-officer", officer, Map.of("resultText", "已处置，答复晚了。"));
    }
    List<String> office = List.of("liaison-office");
    for (int i = 0; i < 17; i++) {
      Map<String, Object> review = i < 10 ? Map.of("reviewDecision", "ACCEPT", "resolved", true)
          : i < 14 ? Map.of("reviewDecision", "ACCEPT", "resolved", false)
          : Map.of("reviewDecision", "RETURN", "reviewComment", "答复不具体，请补充。");
      matters.get(i).complete("UserTask_ReviewReply", "liaison", office, review);
    }

    JsonNode summary = new Http(port).as("supervisor")
        .get("/api/sla/summary?from=2031-06-01T00:00:00%2B08:00&to=2031-07-01T00:00:00%2B08:00").json();
    JsonNode environment = null;
    for (JsonNode department : summary) if (department.get("department").asText().equals("environment")) environment = department;
    assertThat(environment).as(summary.toString()).isNotNull();
    assertThat(environment.get("repliesDue").asLong()).isEqualTo(20);
    assertThat(environment.get("repliesGiven").asLong()).isEqualTo(17);
    assertThat(environment.get("responseRate").asDouble()).isEqualTo(0.85);
    assertThat(environment.get("onTimeRate").asDouble()).isEqualTo(0.706);
    assertThat(environment.get("resolutionRate").asDouble()).isEqualTo(0.714);
    assertThat(environment.get("breached").asLong()).isEqualTo(8);
    assertThat(environment.get("satisfactionRate").isNull()).as("no evaluations: not applicable, not 100 %").isTrue();
    assertThat(environment.get("openTasks").asLong()).as("3 never replied + 3 returned").isEqualTo(6);
    assertThat(environment.get("dueSoon").asLong()).as("all open ones are overdue already").isZero();
    assertThat(new Http(port).as("supervisor").get("/api/sla/breaches?department=environment&status=OPEN"
        + "&from=2031-06-01T00:00:00%2B08:00").json()).hasSize(3);

    JsonNode may = new Http(port).as("supervisor")
        .get("/api/sla/summary?from=2031-05-01T00:00:00%2B08:00&to=2031-06-01T00:00:00%2B08:00").json();
    JsonNode before = null;
    for (JsonNode department : may) if (department.get("department").asText().equals("environment")) before = department;
    assertThat(before).as("open replies count by their state, not by whether their deadline falls in the period: " + may)
        .isNotNull();
    assertThat(before.get("openTasks").asLong()).isEqualTo(6);
    assertThat(before.get("departmentName").asText()).isEqualTo("生态环境局");
    assertThat(before.get("repliesDue").asLong()).as("none due in May").isZero();
    assertThat(before.get("responseRate").isNull()).isTrue();

    String csv = new Http(port).as("supervisor").get("/api/sla/breaches.csv?department=environment"
        + "&from=2031-06-01T00:00:00%2B08:00&to=2031-07-01T00:00:00%2B08:00").body();
    String row = csv.lines().skip(1).findFirst().orElseThrow();
    assertThat(row).as("times as people read them").contains(",2031-06-03 09:0").doesNotContain("T0", "+08:00", ":00.");
    assertThat(row).contains("生态环境局");
  }
}
