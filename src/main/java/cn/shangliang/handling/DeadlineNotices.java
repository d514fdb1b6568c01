package cn.shangliang.handling;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RulesReloaded;
import cn.shangliang.system.ChinaTime;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a deadline moved by a new working calendar leaves behind (issue #20): an event in the demand's history
 * (old → new, and why) and a notification to whoever holds the task whose due date moved.
 */
@Component
class DeadlineNotices {
  private static final String CALENDAR_FOLDER = "calendar/";

  private final DemandRecords demands;
  private final Notifications notifications;
  private final TaskService tasks;

  DeadlineNotices(DemandRecords demands, Notifications notifications, TaskService tasks) {
    this.demands = demands;
    this.notifications = notifications;
    this.tasks = tasks;
  }

  /** True when the reload changed a file under {@code rules/calendar/} (added, changed or removed). */
  static boolean calendarChanged(RulesReloaded reloaded) {
    return !calendarFiles(reloaded.previous()).equals(calendarFiles(reloaded.next()));
  }

  private static Map<String, String> calendarFiles(RuleBase rules) {
    return rules.files().stream().filter(f -> f.path().startsWith(CALENDAR_FOLDER))
        .collect(Collectors.toMap(RuleBase.RuleFile::path, RuleBase.RuleFile::sha256));
  }

  /** 「部门答复」办理时限 2027-02-12 17:30 → 2027-02-16 17:30（2027年节假日安排已发布）. */
  void record(long demandId, String what, Instant from, Instant to, WorkingCalendar before, WorkingCalendar after) {
    demands.event(demandId, "system", "DEADLINE_RETIMED", what + " " + text(from) + " → " + text(to) + "（"
        + reason(to, before, after) + "）", null);
  }

  /** The task's assignee, or else its candidate groups, hear of the new due date. */
  void tell(Task task, String trackingCode, WorkingCalendar before, WorkingCalendar after) {
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

  static String text(Instant instant) {
    return ChinaTime.text(instant);
  }
}
