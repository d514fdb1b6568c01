package cn.shangliang.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.shangliang.support.Http;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department's inbox the way Tasklist asks for it, in a database holding {@value #OPEN_DEFAULT} open
 * tasks and over a million history rows: the stored filter 本组待办 (candidate groups of the user, assigned
 * ones included, sorted by due date, first page of 15 and the count) and the plain candidate-group query,
 * through {@code /engine-rest} as the department user (authorization checks on), then completing tasks.
 *
 * <p>The data: one process of one user task per group is started through the engine (one left open, one
 * completed), and its rows in every runtime, history and authorization table are copied in SQL with
 * suffixed ids, the due dates spread over weeks (some overdue). MariaDB only (it copies with the sequence
 * engine's seq_1_to_N tables), in a database of its own (shangliang_bench, dropped first): {@code mvn verify -Pmysql,bench -Dtest=InboxBenchmark}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxBenchmark {
  static final int OPEN_DEFAULT = 100_000;
  static final int OPEN = Integer.getInteger("bench.inbox.open", OPEN_DEFAULT);
  static final int COMPLETED = Integer.getInteger("bench.inbox.completed", 50_000);
  static final int QUERIES = Integer.getInteger("bench.inbox.queries", 200);
  /** Groups the open tasks are spread over (the department groups, padded with bench groups). */
  static final int GROUPS = Integer.getInteger("bench.inbox.groups", 20);
  static final String PROCESS = "InboxBenchProcess";
  /** Columns holding ids of the copied rows: they get the copy's suffix, so the copies refer to each other. */
  static final Set<String> ID_COLUMNS = Set.of("ID_", "PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "EXECUTION_ID_", "TASK_ID_",
      "PARENT_ID_", "ROOT_PROC_INST_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "VAR_SCOPE_", "VAR_INST_ID_",
      "BUSINESS_KEY_", "RESOURCE_ID_");

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
    BenchDatabase.own(registry, "shangliang_bench");
  }


  @Test
  void inboxWithAHundredThousandOpenTasks() throws Exception {
    try (Connection db = dataSource.getConnection()) {
      assumeTrue(db.getMetaData().getDatabaseProductVersion().contains("MariaDB"),
          "the inbox benchmark fills MariaDB (its sequence tables): run it with -Pmysql,bench");
    }
    List<String> groups = new ArrayList<>(engine.getIdentityService().createGroupQuery().list().stream()
        .map(g -> g.getId()).filter(id -> id.startsWith("dept-")).sorted().toList());
    while (groups.size() < GROUPS) groups.add("bench-" + groups.size());
    engine.getRepositoryService().createDeployment().name("inbox-bench").addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).name("收件箱基准").camundaHistoryTimeToLive(365).startEvent()
            .userTask("UserTask_BenchReply").name("部门答复").camundaCandidateGroups("${group}").camundaDueDate("${due}")
            .endEvent().done()).deploy();

    long fill = System.nanoTime();
    List<String> openTemplates = new ArrayList<>();
    List<String> completedTemplates = new ArrayList<>();
    for (String group : groups) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("group", group);
      variables.put("due", new Date(System.currentTimeMillis() - 10L * 24 * 3600 * 1000));
      variables.put("title", "基准事项 " + group);
      openTemplates.add(engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "bench-open-" + group, variables).getId());
      String done = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "bench-done-" + group, variables).getId();
      engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(done).singleResult().getId());
      completedTemplates.add(done);
    }
    long rows;
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      copy(db, openTemplates, OPEN / groups.size(), true);
      copy(db, completedTemplates, COMPLETED / groups.size(), false);
      rows = count(db, "ACT_HI_PROCINST") + count(db, "ACT_HI_ACTINST") + count(db, "ACT_HI_TASKINST")
          + count(db, "ACT_HI_VARINST") + count(db, "ACT_HI_DETAIL") + count(db, "ACT_HI_IDENTITYLINK");
      try (Statement s = db.createStatement()) {
        for (String table : List.of("ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE",
            "ACT_RU_AUTHORIZATION", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
            "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK")) {
          s.execute("ANALYZE TABLE " + table);
        }
      }
    }
    long openTasks = engine.getTaskService().createTaskQuery().count();
    Figures.report(String.format("inbox    data: %d open tasks in %d groups (%d each), %d history rows, filled in %.0f s",
        openTasks, groups.size(), openTasks / groups.size(), rows, (System.nanoTime() - fill) / 1e9));
    assertThat(openTasks).isGreaterThanOrEqualTo(OPEN);

    Http water = new Http(port).as("water");
    String filter = engine.getFilterService().createFilterQuery().filterName("本组待办").singleResult().getId();
    String candidate = "/engine-rest/task?candidateGroup=dept-water&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc"
        + "&firstResult=0&maxResults=15";
    measure("本组待办 filter, first page of 15", () -> water.post("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", Map.of()), 15);
    measure("本组待办 filter, count", () -> water.get("/engine-rest/filter/" + filter + "/count"), -1);
    measure("candidate group dept-water by due date, page of 15", () -> water.get(candidate), 15);
    measure("candidate group dept-water, count", () -> water.get("/engine-rest/task/count?candidateGroup=dept-water"), -1);
    int deep = OPEN / GROUPS / 2;
    measure("candidate group dept-water, page at offset " + deep, () -> water.get(candidate.replace("firstResult=0", "firstResult=" + deep)), 15);

    // completing: the oldest task of the inbox each time, as the department user
    long[] nanos = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      String task = water.get(candidate).json().get(0).get("id").asText();
      long t0 = System.nanoTime();
      Http.Response done = water.post("/engine-rest/task/" + task + "/complete", Map.of());
      nanos[i] = System.nanoTime() - t0;
      assertThat(done.status()).as(done.body()).isEqualTo(204);
    }
    Figures.report(String.format("inbox    complete a task (POST /engine-rest/task/{id}/complete as the department user): "
        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d tasks)", Figures.percentileMillis(nanos, 50),
        Figures.percentileMillis(nanos, 95), Figures.percentileMillis(nanos, 99), QUERIES));
  }

  interface Call {
    Http.Response send();
  }

  void measure(String label, Call call, int expectedSize) {
    for (int i = 0; i < Math.min(20, QUERIES / 4 + 1); i++) call.send();
    long[] nanos = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      long t0 = System.nanoTime();
      Http.Response response = call.send();
      nanos[i] = System.nanoTime() - t0;
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      if (expectedSize > 0) assertThat(response.json().size()).as(label).isEqualTo(expectedSize);
      else assertThat(response.json().get("count").asLong()).as(label).isGreaterThanOrEqualTo(OPEN / GROUPS);
    }
    Figures.report(String.format("inbox    %-52s p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms (%d calls)", label,
        Figures.percentileMillis(nanos, 50), Figures.percentileMillis(nanos, 95), Figures.percentileMillis(nanos, 99), QUERIES));
  }

  /** Copies the template instances' rows {@code copies} times (ids suffixed -1 … -copies). */
  static void copy(Connection db, List<String> instances, int copies, boolean open) throws SQLException {
    String in = instances.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    List<String> taskIds = ids(db, "SELECT ID_ FROM " + (open ? "ACT_RU_TASK" : "ACT_HI_TASKINST") + " WHERE PROC_INST_ID_ IN (" + in + ")");
    String tasks = taskIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    Map<String, String> templates = new LinkedHashMap<>();
    if (open) {
      templates.put("ACT_RU_EXECUTION", "PROC_INST_ID_ IN (" + in + ")");
      templates.put("ACT_RU_TASK", "PROC_INST_ID_ IN (" + in + ")");
      templates.put("ACT_RU_VARIABLE", "PROC_INST_ID_ IN (" + in + ")");
      templates.put("ACT_RU_IDENTITYLINK", "TASK_ID_ IN (" + tasks + ")");
      templates.put("ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ IN (" + tasks + ")");
    }
    templates.put("ACT_HI_PROCINST", "PROC_INST_ID_ IN (" + in + ")");
    templates.put("ACT_HI_ACTINST", "PROC_INST_ID_ IN (" + in + ")");
    templates.put("ACT_HI_TASKINST", "PROC_INST_ID_ IN (" + in + ")");
    templates.put("ACT_HI_VARINST", "PROC_INST_ID_ IN (" + in + ")");
    templates.put("ACT_HI_DETAIL", "PROC_INST_ID_ IN (" + in + ")");
    templates.put("ACT_HI_IDENTITYLINK", "TASK_ID_ IN (" + tasks + ")");
    for (var template : templates.entrySet()) {
      List<String> columns = ids(db, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
          + "AND TABLE_NAME = '" + template.getKey() + "' ORDER BY ORDINAL_POSITION");
      String select = columns.stream().map(c -> {
        if (ID_COLUMNS.contains(c) && !(template.getKey().equals("ACT_RU_AUTHORIZATION") && !c.equals("ID_") && !c.equals("RESOURCE_ID_"))) {
          return "CONCAT(t." + c + ", '-', s.seq)";
        }
        if (c.equals("DUE_DATE_")) return "DATE_ADD(t.DUE_DATE_, INTERVAL s.seq * 7 MINUTE)";
        return "t." + c;
      }).collect(Collectors.joining(", "));
      try (Statement s = db.createStatement()) {
        s.executeUpdate("INSERT INTO " + template.getKey() + " (" + String.join(", ", columns) + ") SELECT " + select
            + " FROM " + template.getKey() + " t CROSS JOIN seq_1_to_" + copies + " s WHERE " + template.getValue().replaceAll("\\b(PROC_INST_ID_|TASK_ID_|RESOURCE_TYPE_|RESOURCE_ID_)\\b", "t.$1"));
      }
    }
  }

  static List<String> ids(Connection db, String sql) throws SQLException {
    return VolumeCopier.strings(db, sql);
  }

  static long count(Connection db, String table) throws SQLException {
    return VolumeCopier.longs(db, "SELECT COUNT(*) FROM " + table).get(0);
  }

}
