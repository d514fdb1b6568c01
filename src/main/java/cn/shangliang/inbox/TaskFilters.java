package cn.shangliang.inbox;

import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.StartupLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters (DOMAIN.md §9), made at start-up in every installation: for everyone 我的待办,
 * 本组待办, 即将到期 (due by the end of the next working day on the official calendar), 已超期; for the
 * groups they concern 待我督办 (supervisors and leadership) and 回头看 (proposal follow-ups). Sorted by due
 * date, with the matter's variables on the cards.
 */
@Component
class TaskFilters implements ApplicationRunner {
  static final String MINE = "我的待办";
  static final String GROUP = "本组待办";
  static final String DUE_SOON = "即将到期";
  static final String OVERDUE = "已超期";
  static final String SUPERVISION = "待我督办";
  static final String FOLLOW_UP = "回头看";
  static final List<String> SUPERVISION_TASKS = List.of("UserTask_Supervise", "UserTask_KeySupervision",
      "UserTask_UnsatisfiedSupervision", "UserTask_Inspection");

  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "trackingCode", "label", "受理编号"),
      Map.of("name", "township", "label", "乡镇"),
      Map.of("name", "village", "label", "村（社区）"),
      Map.of("name", "categoryLabel", "label", "类别"),
      Map.of("name", "routeLabel", "label", "办理方式"),
      Map.of("name", TaskCards.DEADLINE_NOTE, "label", "时限"));

  private final ProcessEngine engine;
  private final RulesService rules;
  private final StartupLock startupLock;

  TaskFilters(ProcessEngine engine, RulesService rules,
      StartupLock startupLock) {
    this.engine = engine;
    this.rules = rules;
    this.startupLock = startupLock;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> departments = rules.current().data(Departments.class).names().keySet().stream()
        .map(Departments::groupOf).toList();
    startupLock.run("task-filters",
        () -> ensure(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService(), departments));
  }

  static void ensure(FilterService filters, TaskService tasks, AuthorizationService authorizations, List<String> departments) {
    ensure(filters, authorizations, MINE, -10, "#2f6fdf", "指派给我的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(filters, authorizations, GROUP, -5, "#26a65b", "我所在组的任务（含已认领）",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(filters, authorizations, DUE_SOON, 0, "#f0ad4e", "下一个工作日结束前到期（按法定工作日历）",
        mineOrMyGroups(tasks).dueBeforeExpression("${dueSoon.limit()}").dueAfterExpression("${now()}").orderByDueDate().asc());
    ensure(filters, authorizations, OVERDUE, 5, "#d9534f", "已超过办理时限的任务",
        mineOrMyGroups(tasks).dueBeforeExpression("${now()}").orderByDueDate().asc());
    ensure(filters, authorizations, SUPERVISION, 10, "#8e44ad", "超期督办、重点督办、不满意督办和回头看领导督查",
        mineOrMyGroups(tasks).taskDefinitionKeyIn(SUPERVISION_TASKS.toArray(String[]::new)).orderByDueDate().asc(),
        List.of("supervisor", "leadership", "admin"));
    List<String> followUpGroups = new ArrayList<>(List.of("proposal-committee", "leadership", "admin"));
    followUpGroups.addAll(departments);
    ensure(filters, authorizations, FOLLOW_UP, 15, "#16a085", "提案办理回头看：单位自查、领导督查、查找原因、二次办理、再评价",
        mineOrMyGroups(tasks).processDefinitionKey("FollowUpReviewProcess").orderByDueDate().asc(), followUpGroups);
  }

  private static TaskQuery mineOrMyGroups(TaskService tasks) {
    return tasks.createTaskQuery()
        .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().endOr();
  }

  private static void ensure(FilterService filters, AuthorizationService authorizations, String name, int priority,
      String color, String description, TaskQuery query) {
    ensure(filters, authorizations, name, priority, color, description, query, null);
  }

  /** @param groups who may see the filter; null for everyone */
  private static void ensure(FilterService filters, AuthorizationService authorizations, String name, int priority,
      String color, String description, TaskQuery query, List<String> groups) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setOwner("admin");
    filter.setQuery(query);
    filter.setProperties(Map.of("priority", priority, "color", color, "description", description, "refresh", true,
        "variables", CARD_VARIABLES));
    filters.saveFilter(filter);
    if (groups != null) {
      for (String group : groups) {
        if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
            .groupIdIn(group).count() == 0) {
          Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          grant.setGroupId(group);
          grant.setResource(Resources.FILTER);
          grant.setResourceId(filter.getId());
          grant.addPermission(Permissions.READ);
          authorizations.saveAuthorization(grant);
        }
      }
      return;
    }
    if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
        .userIdIn(Authorization.ANY).count() == 0) {
      Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setUserId(Authorization.ANY);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizations.saveAuthorization(everyone);
    }
  }
}
