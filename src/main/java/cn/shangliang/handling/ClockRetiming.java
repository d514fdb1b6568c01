package cn.shangliang.handling;

import cn.shangliang.intake.DemandRecords;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RulesReloaded;
import cn.shangliang.sla.ClockDates;
import cn.shangliang.sla.ReplyClocks;
import cn.shangliang.sla.WorkingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the notice arrives, everything follows (issue #20): after a reload that changed {@code rules/calendar/},
 * every open reply clock is counted again from its start with its rule; the clock's row, the process variables
 * holding its dates, the due dates of the open tasks and the timers that still wait move together, each move
 * is an event in the demand's history and the handlers of a moved task are told. Each node reloads its own
 * rules: a clock moves under a row lock and only when its dates differ, so the second node finds nothing to do.
 */
@Component
class ClockRetiming {
  private static final Logger log = LoggerFactory.getLogger(ClockRetiming.class);
  private static final String CALENDAR_FOLDER = "calendar/";
  /** The process variables that hold the clock's dates ({@code ${startReplyClock}}), in the order of ClockDates. */
  private static final List<String> DATE_VARIABLES =
      List.of(DepartmentReplyProcess.Var.REPLY_DUE, "reminderAt", "supervisionDueAt", "keySupervisionDueAt");
  private static final List<String> DATE_LABELS = List.of("办理时限", "75%提醒", "督办时限", "重点督办时限");

  private final ReplyClocks clocks;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final DemandRecords demands;
  private final Notifications notifications;
  private final TransactionTemplate transaction;

  ClockRetiming(ReplyClocks clocks, RuntimeService runtime, TaskService tasks, ManagementService management,
      DemandRecords demands, Notifications notifications, TransactionTemplate transaction) {
    this.clocks = clocks;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.demands = demands;
    this.notifications = notifications;
    this.transaction = transaction;
  }

  @EventListener
  void rulesReloaded(RulesReloaded reloaded) {
    if (calendarFiles(reloaded.previous()).equals(calendarFiles(reloaded.next()))) return;
    WorkingCalendar before = reloaded.previous().data(WorkingCalendar.class);
    WorkingCalendar after = reloaded.next().data(WorkingCalendar.class);
    int moved = 0;
    for (long clockId : clocks.openClockIds()) {
      // one transaction per clock: the row lock, the engine's changes and the history commit together
      Boolean retimed = transaction.execute(status -> retime(clockId, before, after));
      if (Boolean.TRUE.equals(retimed)) moved++;
    }
    log.info("Working calendar changed ({} -> {}): {} open reply clocks re-timed", reloaded.previous().checksum(),
        reloaded.next().checksum(), moved);
  }

  private static Map<String, String> calendarFiles(RuleBase rules) {
    return rules.files().stream().filter(f -> f.path().startsWith(CALENDAR_FOLDER))
        .collect(Collectors.toMap(RuleBase.RuleFile::path, RuleBase.RuleFile::sha256));
  }

  private boolean retime(long clockId, WorkingCalendar before, WorkingCalendar after) {
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .variableValueEquals(ClockListeners.CLOCK_ID, clockId).active().list().stream().findFirst().orElse(null);
    if (instance == null) return false; // the clock's process has ended: nothing waits on its dates
    var moved = clocks.retime(clockId, after).orElse(null);
    if (moved == null) return false;
    Map<Instant, Instant> dates = changes(moved.before(), moved.after());
    moveVariables(instance.getId(), dates);
    moveTimers(instance.getId(), dates);
    List<Task> movedTasks = moveTasks(instance.getId(), dates);
    record(moved.clock().getDemandId(), instance.getId(), moved.before(), moved.after(), before, after);
    movedTasks.forEach(task -> tell(task, moved.clock().getTrackingCode(), before, after));
    return true;
  }

  /** Old date → new date, for the dates that moved. */
  private static Map<Instant, Instant> changes(ClockDates before, ClockDates after) {
    Map<Instant, Instant> changes = new LinkedHashMap<>();
    List<Instant> old = list(before), counted = list(after);
    for (int i = 0; i < old.size(); i++) {
      if (!old.get(i).equals(counted.get(i))) changes.put(old.get(i), counted.get(i));
    }
    return changes;
  }

  private static List<Instant> list(ClockDates dates) {
    return List.of(dates.due(), dates.reminder(), dates.supervision(), dates.keySupervision());
  }

  private void moveVariables(String processInstanceId, Map<Instant, Instant> dates) {
    for (String name : DATE_VARIABLES) {
      Object value = runtime.getVariable(processInstanceId, name);
      if (value instanceof Date date && dates.containsKey(date.toInstant())) {
        runtime.setVariable(processInstanceId, name, Date.from(dates.get(date.toInstant())));
      }
    }
  }

  /** Timers still waiting on a moved date; one that fired is gone, and what it did stays done. */
  private void moveTimers(String processInstanceId, Map<Instant, Instant> dates) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      Instant moved = job.getDuedate() == null ? null : dates.get(job.getDuedate().toInstant());
      if (moved != null) management.setJobDuedate(job.getId(), Date.from(moved));
    }
  }

  private List<Task> moveTasks(String processInstanceId, Map<Instant, Instant> dates) {
    List<Task> moved = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      Instant to = task.getDueDate() == null ? null : dates.get(task.getDueDate().toInstant());
      if (to == null) continue;
      task.setDueDate(Date.from(to));
      tasks.saveTask(task);
      moved.add(task);
    }
    return moved;
  }

  /** One history event per moved date: 「部门答复」办理时限 2027-02-05 17:30 → 2027-02-19 17:30（2027年节假日安排已发布）. */
  private void record(long demandId, String processInstanceId, ClockDates old, ClockDates counted, WorkingCalendar before,
      WorkingCalendar after) {
    Object label = runtime.getVariable(processInstanceId, "clockLabel");
    String clockLabel = "「" + (label == null ? "部门答复" : label) + "」";
    List<Instant> from = list(old), to = list(counted);
    for (int i = 0; i < from.size(); i++) {
      if (from.get(i).equals(to.get(i))) continue;
      demands.event(demandId, "system", "DEADLINE_RETIMED", clockLabel + DATE_LABELS.get(i) + " " + text(from.get(i))
          + " → " + text(to.get(i)) + "（" + reason(to.get(i), before, after) + "）", null);
    }
  }

  private void tell(Task task, String trackingCode, WorkingCalendar before, WorkingCalendar after) {
    Instant due = task.getDueDate().toInstant();
    String title = "办理时限调整：「" + task.getName() + "」";
    String message = "受理编号 " + trackingCode + " 的「" + task.getName() + "」办理时限调整为 " + text(due) + "（"
        + reason(due, before, after) + "）。";
    if (task.getAssignee() != null) {
      notifications.toUser(task.getAssignee(), "RETIMED", title, message, trackingCode);
      return;
    }
    Set<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).collect(Collectors.toCollection(LinkedHashSet::new));
    groups.forEach(group -> notifications.toGroup(group, "RETIMED", title, message, trackingCode));
  }

  /** Why the date moved: the year's notice was published, withdrawn, or corrected. */
  static String reason(Instant moved, WorkingCalendar before, WorkingCalendar after) {
    int year = moved.atZone(after.zone()).getYear();
    boolean wasPublished = before.hasDataFor(year);
    boolean isPublished = after.hasDataFor(year);
    if (!wasPublished && isPublished) return year + "年节假日安排已发布";
    if (wasPublished && !isPublished) return year + "年节假日安排已撤回，暂按法定节假日推算";
    return isPublished ? year + "年节假日安排已更正" : "工作日历已更新";
  }

  private static String text(Instant instant) {
    return WorkingCalendar.inChina(instant).toLocalDateTime().toString().replace('T', ' ');
  }
}
