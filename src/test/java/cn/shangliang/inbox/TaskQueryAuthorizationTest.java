package cn.shangliang.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task query with authorizations checked per task (TaskQueryAuthorizationPlugin, MySQL/MariaDB)
 * answers exactly what Camunda's own statement answers: for each demo user and each kind of task query
 * Tasklist and the REST API make (groups, assignee, or-queries, definitions, names, dates, paging,
 * sorting, the stored filters), the same tasks in the same order and the same count. Runs under
 * {@code -Pmysql}; on H2 the plugin is off and there is nothing to compare.
 */
@PlatformTest
class TaskQueryAuthorizationTest {
  static final List<String> USERS = List.of("water", "transport", "housing", "township", "liaison", "clerk", "member1",
      "convenor", "supervisor", "proposals", "leader", "admin");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private Map<String, String> fast;

  ProcessEngineConfigurationImpl config() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  DbSqlSessionFactory sessions() {
    return config().getDbSqlSessionFactory();
  }

  void assumeFastQueryOn() {
    assumeTrue(TaskQueryAuthorizationPlugin.STATEMENTS.get("selectTaskByQueryCriteria")
        .equals(sessions().mapStatement("selectTaskByQueryCriteria")), "the fast task query is on for MySQL/MariaDB only");
  }

  @AfterEach
  void restore() {
    if (fast != null) sessions().setStatementMappings(fast);
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void everyUserSeesTheSameTasksAsWithCamundasOwnStatement() {
    assumeFastQueryOn();
    fast = sessions().getStatementMappings();
    Map<String, String> camunda = new HashMap<>(fast);
    TaskQueryAuthorizationPlugin.STATEMENTS.keySet().forEach(camunda::remove);

    Http clerk = new Http(port).as("clerk");
    for (String category : List.of("TRANSPORT", "HOUSING", "WATER", "OTHER", "WATER")) {
      assertThat(clerk.post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", "EMERGENCY"), "category", category))
          .status()).isEqualTo(201);
    }
    for (int i = 0; i < 3; i++) assertThat(clerk.post("/api/demands", Demands.body()).status()).isEqualTo(201);

    Date soon = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
    Map<String, Function<String, TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("all", user -> tasks());
    queries.put("candidate group", user -> tasks().taskCandidateGroup("dept-water"));
    queries.put("candidate groups incl. assigned", user -> tasks().taskCandidateGroupIn(List.of("dept-water", "liaison-office", "dept-transport"))
        .includeAssignedTasks());
    queries.put("mine or my groups (or-query)", user -> tasks().or().taskAssignee(user).taskCandidateGroupIn(groupsOf(user))
        .includeAssignedTasks().endOr());
    queries.put("candidate user", user -> tasks().taskCandidateUser(user));
    queries.put("definition key", user -> tasks().processDefinitionKey("DepartmentReplyProcess"));
    queries.put("task definition key", user -> tasks().taskDefinitionKey("UserTask_DepartmentReply"));
    queries.put("name like", user -> tasks().taskNameLike("%答复%"));
    queries.put("due before", user -> tasks().dueBefore(soon).active());
    queries.put("unassigned", user -> tasks().taskUnassigned());
    queries.put("by name, case-insensitive", user -> engine.getTaskService().createTaskQuery().orderByTaskNameCaseInsensitive().asc()
        .orderByTaskId().asc());

    Map<String, Integer> seen = new HashMap<>();
    int compared = 0;
    for (String user : USERS) {
      engine.getIdentityService().setAuthentication(user, groupsOf(user));
      for (var query : queries.entrySet()) {
        sessions().setStatementMappings(fast);
        List<String> fastList = ids(query.getValue().apply(user).list());
        List<String> fastPage = ids(query.getValue().apply(user).listPage(1, 2));
        long fastCount = query.getValue().apply(user).count();
        sessions().setStatementMappings(camunda);
        List<String> camundaList = ids(query.getValue().apply(user).list());
        List<String> camundaPage = ids(query.getValue().apply(user).listPage(1, 2));
        long camundaCount = query.getValue().apply(user).count();
        assertThat(fastList).as("%s, %s: list", user, query.getKey()).isEqualTo(camundaList);
        assertThat(fastPage).as("%s, %s: page", user, query.getKey()).isEqualTo(camundaPage);
        assertThat(fastCount).as("%s, %s: count", user, query.getKey()).isEqualTo(camundaCount).isEqualTo(fastList.size());
        seen.merge(user, fastList.size(), Math::max);
        compared++;
      }
      for (var filter : engine.getFilterService().createFilterQuery().list()) {
        sessions().setStatementMappings(fast);
        List<String> fastList = ids(engine.getFilterService().list(filter.getId()));
        long fastCount = engine.getFilterService().count(filter.getId());
        sessions().setStatementMappings(camunda);
        // a filter sorts by its own keys, which may tie (same due date): the same tasks, in whichever order the tie falls
        assertThat(fastList).as("%s, filter %s", user, filter.getName())
            .containsExactlyInAnyOrderElementsOf(ids(engine.getFilterService().list(filter.getId())));
        assertThat(fastCount).as("%s, filter %s count", user, filter.getName()).isEqualTo(engine.getFilterService().count(filter.getId()));
      }
      engine.getIdentityService().clearAuthentication();
    }
    // not vacuous: departments see some tasks, and fewer than the administrator
    assertThat(seen.get("water")).isPositive().isLessThan(seen.get("admin"));
    assertThat(seen.get("transport")).isPositive().isLessThan(seen.get("admin"));
    assertThat(compared).isEqualTo(USERS.size() * queries.size());
  }

  /**
   * The fast statement leaves Camunda's authorization join out and checks per task instead: the rendered
   * SQL of Tasklist's inbox count, as the department user, next to Camunda's own statement's.
   */
  @Test
  void theFastStatementChecksPerTaskWithoutCamundasJoin() {
    assumeFastQueryOn();
    var mybatis = config().getSqlSessionFactory().getConfiguration();
    engine.getIdentityService().setAuthentication("water", groupsOf("water"));
    String fastId = TaskQueryAuthorizationPlugin.NAMESPACE + "fastSelectTaskCountByQueryCriteria";
    // the fast statement twice, Camunda's between: it leaves the query's check as it found it
    List<String> sql = config().getCommandExecutorTxRequired().execute(context -> List.of(fastId,
        "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria", fastId).stream()
        .map(statement -> {
          var query = (TaskQueryImpl) engine.getTaskService().createTaskQuery().taskCandidateGroup("dept-water");
          context.getAuthorizationManager().configureTaskQuery(query);
          String rendered = mybatis.getMappedStatement(statement).getBoundSql(query).getSql().replaceAll("\\s+", " ");
          assertThat(query.getAuthCheck().getShouldPerformAuthorizatioCheck()).as("%s leaves the check on", statement).isTrue();
          return rendered;
        }).toList());
    String fast = sql.get(0);
    assertThat(sql.get(2)).as("the fast statement rendered again").isEqualTo(fast);
    assertThat(sql.get(1)).contains("AUTH ON").doesNotContain("EXISTS");
    assertThat(fast).doesNotContain("AUTH ON").doesNotContain("AUTH.RESOURCE_ID_")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = RES.ID_");
  }

  TaskQuery tasks() {
    return engine.getTaskService().createTaskQuery().orderByDueDate().asc().orderByTaskId().asc();
  }

  List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
