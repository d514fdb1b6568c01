package cn.shangliang.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters every user sees (DOMAIN.md §9): 我的待办, 本组待办, 即将到期 (due by the end of
 * the next working day on the official calendar), 已超期. Sorted by due date, with the matter's
 * variables on the cards.
 */
final class TaskFilters {
  static final String MINE = "我的待办";
  static final String GROUP = "本组待办";
  static final String DUE_SOON = "即将到期";
  static final String OVERDUE = "已超期";

  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "trackingCode", "label", "受理编号"),
      Map.of("name", "township", "label", "乡镇"),
      Map.of("name", "village", "label", "村（社区）"),
      Map.of("name", "categoryLabel", "label", "类别"),
      Map.of("name", "routeLabel", "label", "办理方式"));

  private TaskFilters() {}

  static void ensure(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    ensure(filters, authorizations, MINE, -10, "#2f6fdf", "指派给我的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(filters, authorizations, GROUP, -5, "#26a65b", "我所在组的任务（含已认领）",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(filters, authorizations, DUE_SOON, 0, "#f0ad4e", "下一个工作日结束前到期（按法定工作日历）",
        mineOrMyGroups(tasks).dueBeforeExpression("${dueSoon.limit()}").dueAfterExpression("${now()}").orderByDueDate().asc());
    ensure(filters, authorizations, OVERDUE, 5, "#d9534f", "已超过办理时限的任务",
        mineOrMyGroups(tasks).dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private static TaskQuery mineOrMyGroups(TaskService tasks) {
    return tasks.createTaskQuery()
        .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().endOr();
  }

  private static void ensure(FilterService filters, AuthorizationService authorizations, String name, int priority,
      String color, String description, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setOwner("admin");
    filter.setQuery(query);
    filter.setProperties(Map.of("priority", priority, "color", color, "description", description, "refresh", true,
        "variables", CARD_VARIABLES));
    filters.saveFilter(filter);
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
