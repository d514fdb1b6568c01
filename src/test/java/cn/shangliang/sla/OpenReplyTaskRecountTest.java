package cn.shangliang.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import cn.shangliang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #23: the open reply tasks kept beside the engine ({@code open_reply_task}, {@code open_reply_task_group}) stay
 * equal to the engine's own. Reply tasks are made through the product (emergencies routed to a department) and by
 * starting the reply process as a designer's model would, then changed in every way the engine allows: a candidate
 * group added and removed, the due date moved (as a new calendar moves it), claimed, completed, returned for a second
 * reply, an instance deleted by an administrator skipping custom listeners. After each step the whole table — every
 * reply task of the shared database, other tests' included — equals a read of the engine's tables, and the counts
 * per group and per lead department equal the engine's task query and the engine-table counts the summary used before.
 * Last, the backfill of an upgraded installation gives the same rows.
 */
@PlatformTest
class OpenReplyTaskRecountTest {
  static final String REPLY = SlaSummaries.REPLY_TASK;
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired OpenReplyTasks openTasks;
  @Autowired OpenReplyTaskBackfill backfill;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static Instant t(String moment) {
    return OffsetDateTime.parse(moment).toInstant();
  }

  JsonNode demand(String urgency, String category, String moment) {
    TestClock.at(moment);
    return new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", urgency),
        "category", category)).json();
  }

  /** An emergency: routed at once to its department's reply. */
  Steps emergency(String category, String moment) {
    return new Steps(engine, demand("EMERGENCY", category, moment).get("trackingCode").asText());
  }

  /** A reply process started directly for an ordinary demand, as a designer's model would start it. */
  Steps replyProcess(String department, String due) {
    JsonNode made = demand("NORMAL", "ENVIRONMENT", "2034-05-02T11:00:00+08:00");
    String code = made.get("trackingCode").asText() + "-R";
    runtime.startProcessInstanceByKey("DepartmentReplyProcess", code, Map.of("demandId", made.get("id").asLong(),
        "trackingCode", made.get("trackingCode").asText(), "demandTitle", "待办计数核对", "leadDepartment", department,
        "leadGroup", "dept-" + department, "routeRule", "URGENT", "coDepartments", "", "replyDueAt", Date.from(t(due)),
        "replyDueFrom", Date.from(t(due).minusSeconds(3 * 86400))));
    return new Steps(engine, code).runJobs();
  }

  @Test
  void theTableEqualsTheEngine_throughEveryChangeOfAReplyTask_andTheBackfillGivesTheSame() {
    Steps water = emergency("WATER", "2034-05-02T09:00:00+08:00");
    Steps transport = emergency("TRANSPORT", "2034-05-02T10:00:00+08:00");
    Steps direct = replyProcess("environment", "2034-05-06T17:30:00+08:00");
    Steps second = replyProcess("environment", "2034-05-03T12:00:00+08:00");
    check("created");

    Task task = direct.task(REPLY);
    tasks.addCandidateGroup(task.getId(), "dept-water");
    check("a candidate group added");
    tasks.deleteCandidateGroup(task.getId(), "dept-environment");
    check("a candidate group removed");
    task = direct.task(REPLY);
    task.setDueDate(Date.from(t("2034-05-07T17:30:00+08:00")));
    tasks.saveTask(task);
    check("the due date moved");
    tasks.claim(water.task(REPLY).getId(), "officer");
    check("claimed");

    TestClock.at("2034-05-02T12:00:00+08:00");
    water.complete(REPLY, "officer", List.of("dept-water"), Map.of("resultText", "已抢修。"));
    check("a reply given");
    water.complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"),
        Map.of("reviewDecision", "RETURN", "reviewComment", "请补充抢修后的水质检测结果。"));
    assertThat(water.task(REPLY)).as("returned: a second reply task").isNotNull();
    check("returned for a second reply");

    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(second.code())
        .processDefinitionKey("DepartmentReplyProcess").singleResult().getId();
    runtime.deleteProcessInstance(instance, "测试：管理员撤销", true);
    check("an instance deleted, custom listeners skipped");

    // an installation upgraded to V21: the reply tasks already open are copied once from the engine
    Map<String, String> rows = rows();
    Set<String> groups = groups();
    jdbc.update("DELETE FROM open_reply_task_group");
    jdbc.update("DELETE FROM open_reply_task");
    backfill.fill();
    assertThat(rows()).as("the backfill's rows").isEqualTo(rows).isEqualTo(engineRows());
    assertThat(groups()).as("the backfill's groups").isEqualTo(groups).isEqualTo(engineGroups());

    // the open replies answered: none of this test's left open for other tests
    TestClock.at("2034-05-08T10:00:00+08:00");
    for (Steps steps : List.of(water, transport, direct)) {
      steps.complete(REPLY, "officer", List.of("dept-water", "dept-transport", "dept-environment"), Map.of("resultText", "已答复。"));
      steps.complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT", "resolved", true));
    }
    check("answered and accepted");
  }

  void check(String step) {
    assertThat(rows()).as(step + ": a row per open reply task, its lead department and due date").isEqualTo(engineRows());
    assertThat(groups()).as(step + ": a row per candidate group").isEqualTo(engineGroups());
    for (String moment : List.of("2034-05-02T08:00:00+08:00", "2034-05-03T11:00:00+08:00", "2034-05-06T18:00:00+08:00")) {
      Date now = Date.from(t(moment));
      Date soon = Date.from(t(moment).plusSeconds(2 * 86400));
      Map<String, List<Long>> byGroup = counts(openTasks.byCandidateGroup(now, soon));
      assertThat(byGroup).as(step + " at " + moment + ": per group as the engine's SQL counted")
          .isEqualTo(counts(engineByCandidateGroup(now, soon)));
      byGroup.forEach((group, c) -> assertThat(c).as(step + ": " + group + " as the task query counts").containsExactly(
          tasks.createTaskQuery().taskDefinitionKey(REPLY).taskCandidateGroup(group).includeAssignedTasks().count(),
          tasks.createTaskQuery().taskDefinitionKey(REPLY).taskCandidateGroup(group).includeAssignedTasks().dueAfter(now)
              .dueBefore(soon).count()));
      assertThat(counts(openTasks.byLeadDepartment(now, soon))).as(step + " at " + moment + ": per lead department")
          .isEqualTo(counts(engineByLeadDepartment(now, soon)));
    }
  }

  static Map<String, List<Long>> counts(Map<String, long[]> counts) {
    Map<String, List<Long>> lists = new TreeMap<>();
    counts.forEach((key, c) -> lists.put(key, List.of(c[0], c[1])));
    return lists;
  }

  Map<String, String> rows() {
    Map<String, String> rows = new TreeMap<>();
    jdbc.query("SELECT task_id, lead_department, due_at FROM open_reply_task", (ResultSet rs) -> {
      rows.put(rs.getString(1), rs.getString(2) + " " + rs.getTimestamp(3));
    });
    return rows;
  }

  Map<String, String> engineRows() {
    Map<String, String> rows = new TreeMap<>();
    jdbc.query(OpenReplyTasks.FROM_ENGINE, (ResultSet rs) -> {
      rows.put(rs.getString(1), rs.getString(2) + " " + rs.getTimestamp(3));
    }, REPLY);
    return rows;
  }

  Set<String> groups() {
    return new TreeSet<>(jdbc.query("SELECT task_id, group_id, due_at FROM open_reply_task_group",
        (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getTimestamp(3)));
  }

  Set<String> engineGroups() {
    return new TreeSet<>(jdbc.query("SELECT DISTINCT t.ID_, i.GROUP_ID_, t.DUE_DATE_ FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK i"
        + " ON i.TASK_ID_ = t.ID_ WHERE t.TASK_DEF_KEY_ = ? AND i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL",
        (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getTimestamp(3), REPLY));
  }

  /** The summary's counts as they were before V21: straight from the engine's tables. */
  Map<String, long[]> engineByLeadDepartment(Date now, Date soon) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query("SELECT department, COUNT(*), SUM(CASE WHEN due > ? AND due < ? THEN 1 ELSE 0 END) FROM (" + OpenReplyTasks.FROM_ENGINE
        + ") lead WHERE department IS NOT NULL GROUP BY department", (ResultSet rs) -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, new Timestamp(now.getTime()), new Timestamp(soon.getTime()), REPLY);
    return counts;
  }

  Map<String, long[]> engineByCandidateGroup(Date now, Date soon) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query("SELECT i.GROUP_ID_, COUNT(DISTINCT t.ID_), COUNT(DISTINCT CASE WHEN t.DUE_DATE_ > ? AND t.DUE_DATE_ < ?"
        + " THEN t.ID_ END) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_"
        + " WHERE t.TASK_DEF_KEY_ = ? AND i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL GROUP BY i.GROUP_ID_", (ResultSet rs) -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, new Timestamp(now.getTime()), new Timestamp(soon.getTime()), REPLY);
    return counts;
  }
}
