package cn.shangliang.handling;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.routing.DeadlineRule;
import cn.shangliang.routing.RoutingPolicy;
import cn.shangliang.rules.RulesService;
import cn.shangliang.sla.DeadlineBasis;
import cn.shangliang.sla.ReplyClock;
import cn.shangliang.sla.ReplyClocks;
import cn.shangliang.sla.SlaMetrics;
import cn.shangliang.sla.SupervisionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * What each step of the reply clock does (ReplyClockGlue calls it): the clock's row, the matter's history, the
 * metrics and who is told.
 */
@Component
class ReplyClockSteps {
  private final ReplyClocks clocks;
  private final CalendarService calendars;
  private final RulesService rules;
  private final DemandRecords demands;
  private final SlaMetrics metrics;
  private final Notifications notifications;
  private final TaskService tasks;

  ReplyClockSteps(ReplyClocks clocks, CalendarService calendars, RulesService rules, DemandRecords demands,
      SlaMetrics metrics, Notifications notifications, TaskService tasks) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.rules = rules;
    this.demands = demands;
    this.metrics = metrics;
    this.notifications = notifications;
    this.tasks = tasks;
  }

  /** Starts the clock of the reply due at {@code replyDueAt}; the variables get its id and dates. */
  void start(ReplyClockVariables vars) {
    Instant due = vars.replyDue();
    ReplyClock clock = clocks.start(vars.demandId(), vars.trackingCode(), vars.leadDepartment(), due,
        vars.calendarTime(), basis(vars, due));
    Instant coOpinionDue = coOpinionDue(calendars.calendar(), clock.getStartedAt(), clock.getDueAt(), vars.calendarTime());
    vars.started(clock, coOpinionDue);
  }

  /** Co-handlers give their opinion when {@link CoHandling#OPINION_SHARE} of the lead's time has passed. */
  static Instant coOpinionDue(WorkingCalendar calendar, Instant started, Instant due, boolean calendarTime) {
    var start = started.atZone(calendar.zone()).toOffsetDateTime();
    var deadline = due.atZone(calendar.zone()).toOffsetDateTime();
    return (calendarTime
        ? start.plusSeconds(Math.round(Duration.between(start, deadline).getSeconds() * CoHandling.OPINION_SHARE))
        : calendar.shareOfWorkingTime(start, deadline, CoHandling.OPINION_SHARE)).toInstant();
  }

  /**
   * How the due date was counted: a period after a moment ({@code replyDuePeriod}, proposals), or the routing
   * rule's working days from the routing moment; only when counting it again on the calendar in force gives the
   * same due date (else the clock keeps its due date on a new calendar).
   */
  private Optional<DeadlineBasis> basis(ReplyClockVariables vars, Instant due) {
    Instant from = vars.replyDueFrom().orElse(null);
    if (from == null) return Optional.empty();
    DeadlineBasis basis = vars.replyDuePeriod().map(period -> DeadlineBasis.period(from, period))
        .or(() -> workingDays(vars).map(days -> new DeadlineBasis(from, days))).orElse(null);
    return basis != null && basis.count(calendars.calendar()).equals(due) ? Optional.of(basis) : Optional.empty();
  }

  private Optional<Integer> workingDays(ReplyClockVariables vars) {
    return vars.routeRule().map(rule -> rules.current().data(RoutingPolicy.class).deadlineOf(rule))
        .map(DeadlineRule::workingDays);
  }

  /** 75 %: the unit's open tasks in {@code replyWork} (the reply; for proposals also the contact) are flagged. */
  void remind(ReplyClockVariables vars, String replyWork) {
    ReplyClock clock = clocks.remind(vars.clockId());
    metrics.timerFired("reminder", clock.getReminderAt(), clock.getRemindedAt());
    tasks.createTaskQuery().processInstanceId(replyWork).taskCandidateGroup(vars.leadGroup()).includeAssignedTasks()
        .list().forEach(task -> {
          task.setFollowUpDate(new Date());
          tasks.saveTask(task);
        });
    demands.event(clock.getDemandId(), "system", "REMINDED", "答复时限已过75%，已提醒承办单位", null);
    notifications.toGroup("dept-" + clock.getDepartment(), "REMINDER", "答复即将到期：" + vars.title(),
        "受理编号 " + clock.getTrackingCode() + " 的答复时限已过75%，请抓紧办理。", clock.getTrackingCode());
  }

  void breach(ReplyClockVariables vars) {
    var breach = clocks.breach(vars.clockId(), vars.clockLabel());
    metrics.timerFired("breach", breach.getDueAt(), breach.getBreachedAt());
    demands.event(breach.getDemandId(), "system", "BREACHED", "超过答复时限，转督查督办", null);
    notifications.toGroup("supervisor", "BREACH", "答复超期，待督办：" + vars.title(),
        "受理编号 " + breach.getTrackingCode() + " 已超过答复时限，请督办。", breach.getTrackingCode());
    notifications.toGroup("dept-" + breach.getDepartment(), "BREACH", "答复已超期：" + vars.title(),
        "受理编号 " + breach.getTrackingCode() + " 已超过答复时限，已转督查督办，请尽快答复。", breach.getTrackingCode());
  }

  void escalate(ReplyClockVariables vars) {
    long clockId = vars.clockId();
    clocks.escalate(clockId).stream().findFirst().ifPresent(escalated ->
        metrics.timerFired("escalation", clocks.clock(clockId).getSupervisionDueAt(), escalated.getEscalatedAt()));
    ReplyClock clock = clocks.clock(clockId);
    demands.event(clock.getDemandId(), "system", "ESCALATED", "督办到期仍未答复，升级为领导重点督办", null);
    notifications.toGroup("leadership", "ESCALATION", "重点督办：" + vars.title(),
        "受理编号 " + clock.getTrackingCode() + " 督办到期仍未答复，请领导重点督办。", clock.getTrackingCode());
  }

  void supervised(long clockId, SupervisionAction action, String note, String actor) {
    clocks.supervised(clockId, action.name(), note, actor);
    demands.event(clocks.clock(clockId).getDemandId(), actor, "SUPERVISED", action.label() + "：" + note, null);
  }
}
