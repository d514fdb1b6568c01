package cn.shangliang.sla;

import static cn.shangliang.support.Demands.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #20: a deadline in 2027, whose notice is not in rules/calendar/, is counted by the law and
 * marked provisional wherever it is shown; a deadline in published 2026 is not.
 */
@PlatformTest
class ProvisionalDeadlinesTest {
  @LocalServerPort int port;
  @Autowired TaskService taskService;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theDeadlineApi_saysWhetherTheDeadlineMayStillMove() {
    JsonNode across = http.as("clerk").get("/api/calendar/deadline?from=2026-12-20T09:00:00%2B08:00&workingDays=10").json();
    // 元旦 by law: Mon 4 Jan, not Fri 1 Jan as Monday to Friday would give
    assertThat(across.get("deadline").asText()).isEqualTo("2027-01-04T17:30:00+08:00");
    assertThat(across.get("provisional").asBoolean()).isTrue();
    JsonNode published = http.as("clerk").get("/api/calendar/deadline?from=2026-12-01T09:00:00%2B08:00&workingDays=10").json();
    assertThat(published.get("deadline").asText()).isEqualTo("2026-12-15T17:30:00+08:00");
    assertThat(published.get("provisional").isBoolean()).isTrue();
    assertThat(published.get("provisional").asBoolean()).isFalse();
  }

  @Test
  void aDemandRoutedInLateDecember_showsItsProvisionalDeadlineEverywhere() {
    TestClock.at("2026-12-24T10:00:00+08:00");
    JsonNode preview = http.as("clerk").post("/api/routing/preview", body()).json();
    // 10 working days from Thu 24 Dec: 25, 28–31 Dec, then 4–8 Jan (1 Jan is 元旦)
    assertThat(preview.get("deadline").asText()).isEqualTo("2027-01-08T17:30:00+08:00");
    assertThat(preview.get("provisional").asBoolean()).isTrue();

    JsonNode created = http.as("clerk").post("/api/demands", body()).json();
    assertThat(created.get("route").get("provisional").asBoolean()).isTrue();
    JsonNode view = http.as("liaison").get("/api/demands/" + created.get("id").asText()).json();
    assertThat(view.get("route").get("deadline").asText()).isEqualTo("2027-01-08T17:30:00+08:00");
    assertThat(view.get("route").get("provisional").asBoolean()).isTrue();
    assertThat(view.get("routingHistory").get(0).get("route").get("provisional").asBoolean()).isTrue();
    assertThat(view.get("history").findValuesAsText("detail"))
        .anyMatch(d -> d.contains("2027-01-08 17:30" + WorkingCalendar.PROVISIONAL_NOTE));
    JsonNode task = view.get("tasksOpen").get(0);
    assertThat(task.get("dueProvisional").asBoolean()).isEqualTo(task.get("due").asText().startsWith("2027-"));

    JsonNode followed = http.get("/api/public/demands/" + created.get("trackingCode").asText()).json();
    assertThat(followed.get("deadline").asText()).isEqualTo("2027-01-08T17:30:00+08:00");
    assertThat(followed.get("deadlineProvisional").asBoolean()).isTrue();
    assertThat(followed.get("route").get("provisional").asBoolean()).isTrue();
  }

  @Test
  void theTaskFormAndCard_carryTheNote_onlyForAProvisionalDueDate() {
    TestClock.at("2026-12-28T10:00:00+08:00");
    JsonNode late = http.as("clerk").post("/api/demands", body()).json();
    TestClock.at("2026-11-02T10:00:00+08:00");
    JsonNode early = http.as("clerk").post("/api/demands", body()).json();

    Task lateTask = taskService.createTaskQuery().processInstanceId(late.get("processInstanceId").asText()).singleResult();
    Task earlyTask = taskService.createTaskQuery().processInstanceId(early.get("processInstanceId").asText()).singleResult();
    assertThat(lateTask.getDueDate()).as("the investigation is due in 2027").isAfter(java.sql.Timestamp.valueOf("2027-01-01 00:00:00"));
    assertThat(earlyTask.getDueDate()).isBefore(java.sql.Timestamp.valueOf("2026-12-31 00:00:00"));
    assertThat(taskService.getVariableLocal(lateTask.getId(), "taskDeadline").toString()).endsWith(WorkingCalendar.PROVISIONAL_NOTE);
    assertThat(taskService.getVariableLocal(lateTask.getId(), "deadlineNote")).isEqualTo(WorkingCalendar.PROVISIONAL_NOTE);
    assertThat(taskService.getVariableLocal(earlyTask.getId(), "taskDeadline").toString()).doesNotContain("暂按");
    assertThat(taskService.getVariableLocal(earlyTask.getId(), "deadlineNote")).isNull();
  }

  @Test
  void theDashboardsLists_markEachProvisionalDue() {
    for (String list : new String[] {"/api/sla/breaches", "/api/sla/due-soon"}) {
      for (JsonNode row : http.as("supervisor").get(list).json()) {
        assertThat(row.get("provisional").asBoolean()).as(row.toString()).isEqualTo(!row.get("due").asText().startsWith("2026-"));
      }
    }
  }

  @Test
  void theApiDocs_describeProvisional() {
    JsonNode schemas = http.get("/v3/api-docs").json().get("components").get("schemas");
    for (String schema : new String[] {"DeadlineView", "RouteResult"}) {
      assertThat(schemas.get(schema).get("properties").get("provisional").get("description").asText()).as(schema)
          .isEqualTo(WorkingCalendar.PROVISIONAL_DESCRIPTION);
    }
  }
}
