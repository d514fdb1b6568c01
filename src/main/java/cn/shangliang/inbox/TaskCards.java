package cn.shangliang.inbox;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.ParseListenerPlugin;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Every user task of every model says what it is about and tells whom it was given to: its name carries
 * the matter ({@code 部门答复：村组道路坑洼积水}, the proposal's title once there is one), and a task assigned
 * to someone by someone else notifies them. Added to all user tasks when the models are parsed, so a
 * designer adds nothing to a model for it. Whoever the task is offered to may read its process instance
 * (the variables Tasklist shows on the card), and nothing more.
 */
@Configuration(proxyBeanMethods = false)
class TaskCards {
  static final int TITLE_LENGTH = 30;

  @Bean
  AbstractProcessEnginePlugin taskCardsPlugin(@Lazy Notifications notifications, @Lazy DemandQueries demands,
      @Lazy CalendarService calendars, @Lazy StepRecords steps) {
    TaskListener name = task -> {
      name(task);
      context(task, demands, calendars.calendar());
      letCandidatesRead(task);
      offered(task, notifications);
    };
    TaskListener assigned = task -> {
      assigned(task, notifications);
      letCandidatesRead(task);
    };
    return ParseListenerPlugin.of(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ParseListenerPlugin.taskDefinition(activity);
        // a task whose model names no complete listener (one a designer added) is recorded generically
        if (definition.getTaskListeners().getOrDefault(TaskListener.EVENTNAME_COMPLETE, List.of()).isEmpty()) {
          String step = userTaskElement.attribute("name", activity.getId());
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> steps.completed(task, step));
        }
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, name);
        definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigned);
      }
    });
  }

  /** 部门答复 → 部门答复：村组道路坑洼积水 (the proposal's title where there is one). */
  static void name(DelegateTask task) {
    Object title = task.getVariable("proposalTitle");
    if (title == null || title.toString().isBlank()) title = task.getVariable("demandTitle");
    if (title == null || title.toString().isBlank() || task.getName() == null || task.getName().contains("：")) return;
    String text = title.toString().strip();
    if (text.length() > TITLE_LENGTH) text = text.substring(0, TITLE_LENGTH) + "…";
    task.setName(task.getName() + "：" + text);
  }

  /** The task card's line for a provisional deadline (TaskFilters shows it). */
  static final String DEADLINE_NOTE = "deadlineNote";
  static final int HISTORY_LINES = 12;
  static final int HISTORY_LENGTH = 1500;

  /**
   * What every form shows at the top (task-local, so each task keeps what was true when it was created): the
   * current deadline and the matter's history so far, newest last. A provisional deadline (its year's holiday
   * notice is not published) says so on the form and, through {@code deadlineNote}, on the task card.
   */
  static void context(DelegateTask task, DemandQueries demands, WorkingCalendar calendar) {
    OffsetDateTime due = task.getDueDate() == null ? null : ChinaTime.of(task.getDueDate().toInstant());
    boolean provisional = calendar.isProvisional(due);
    task.setVariableLocal("taskDeadline", due == null ? "无时限"
        : due.format(DATE_TIME) + (provisional ? WorkingCalendar.PROVISIONAL_NOTE : ""));
    if (provisional) task.setVariableLocal(DEADLINE_NOTE, WorkingCalendar.PROVISIONAL_NOTE);
    Object demandId = task.getVariable("demandId");
    if (demandId == null) return;
    var history = demands.history(demands.find(demandId.toString()));
    StringBuilder text = new StringBuilder();
    for (var entry : history.subList(Math.max(0, history.size() - HISTORY_LINES), history.size())) {
      String line = entry.at().format(DATE_TIME) + "  " + entry.detail() + "\n";
      if (text.length() + line.length() > HISTORY_LENGTH) break;
      text.append(line);
    }
    task.setVariableLocal("taskHistory", text.toString().strip());
  }

  static final DateTimeFormatter DATE_TIME = ChinaTime.DATE_TIME;

  /**
   * Whoever a task is offered to may read its process instance — so Tasklist shows the matter's variables on
   * the card — and no other instance (least privilege: a grant per instance and group or user).
   */
  static void letCandidatesRead(DelegateTask task) {
    Set<String> groups = new LinkedHashSet<>();
    Set<String> users = new LinkedHashSet<>();
    for (var link : task.getCandidates()) {
      if (link.getGroupId() != null) groups.add(link.getGroupId());
      if (link.getUserId() != null) users.add(link.getUserId());
    }
    if (task.getAssignee() != null) users.add(task.getAssignee());
    String instance = task.getProcessInstanceId();
    var authorizations = task.getProcessEngineServices().getAuthorizationService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String group : groups) grantRead(authorizations, instance, group, null);
      for (String user : users) grantRead(authorizations, instance, null, user);
      return null;
    });
  }

  private static void grantRead(AuthorizationService authorizations, String instance, String group,
      String user) {
    var query = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(instance);
    if ((group != null ? query.groupIdIn(group) : query.userIdIn(user)).count() > 0) return;
    // granted earlier in this same command (create and assignment fire together), not yet flushed
    boolean pending = Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .anyMatch(a -> instance.equals(a.getResourceId()) && a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
            && (group != null ? group.equals(a.getGroupId()) : user.equals(a.getUserId())));
    if (pending) return;
    var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (group != null) grant.setGroupId(group);
    else grant.setUserId(user);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(instance);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  /**
   * A task offered to groups or people (no assignee yet) tells them; an assigned task tells its assignee through
   * {@link #assigned}. Whoever heard of the matter in the same transaction is not told twice.
   */
  static void offered(DelegateTask task, Notifications notifications) {
    if (task.getAssignee() != null) return;
    Object code = task.getVariable("trackingCode");
    String trackingCode = code == null ? null : code.toString();
    String title = "新任务：" + task.getName();
    String message = "有一项新任务「" + task.getName() + "」待认领" + (task.getDueDate() == null ? "" : "，办理时限 "
        + ChinaTime.of(task.getDueDate().toInstant()).format(DATE_TIME)) + "。";
    for (var link : task.getCandidates()) {
      if (link.getGroupId() != null) notifications.toGroupUnlessTold(link.getGroupId(), "TASK", title, message, trackingCode);
      if (link.getUserId() != null) notifications.toUserUnlessTold(link.getUserId(), "TASK", title, message, trackingCode);
    }
  }

  static void assigned(DelegateTask task, Notifications notifications) {
    String assignee = task.getAssignee();
    if (assignee == null) return;
    var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && assignee.equals(current.getUserId())) return; // took it themself
    Object code = task.getVariable("trackingCode");
    notifications.toUser(assignee, "ASSIGNMENT", "新任务：" + task.getName(),
        "您有一项新任务「" + task.getName() + "」" + (task.getDueDate() == null ? "" : "，办理时限 "
            + ChinaTime.text(task.getDueDate().toInstant())) + "。", code == null ? null : code.toString());
  }
}
