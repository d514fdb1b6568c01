package cn.shangliang.handling;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.forms.Vars;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.routing.ClockKind;
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
import java.time.Period;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reply clock of DepartmentReplyProcess: {@code ${startReplyClock}}, {@code ${remindDepartment}},
 * {@code ${recordBreach}}, {@code ${escalateBreach}}, {@code ${recordSupervision}}.
 */
@Configuration(proxyBeanMethods = false)
class ClockListeners {
  static final String CO_OPINION_DUE = "coOpinionDueAt";
  /** The routed clock's kind, passed in by the consultation process; absent for proposals (working time). */
  static final String CLOCK_KIND = "clockKind";
  static final String CLOCK_ID = "replyClockId";

  static long clockId(VariableScope scope) {
    return ((Number) scope.getVariable(CLOCK_ID)).longValue();
  }

  @Bean
  JavaDelegate startReplyClock(ReplyClocks clocks, CalendarService calendars, RulesService rules) {
    return execution -> {
      Date due = (Date) execution.getVariable(DepartmentReplyProcess.Var.REPLY_DUE);
      ReplyClock clock = clocks.start(((Number) execution.getVariable("demandId")).longValue(),
          (String) execution.getVariable("trackingCode"), (String) execution.getVariable("leadDepartment"), due.toInstant(),
          calendarTime(execution.getVariable(CLOCK_KIND), execution.getVariable("routeRule")),
          basis(execution, due.toInstant(), rules, calendars));
      execution.setVariable(CLOCK_ID, clock.getId());
      execution.setVariable("reminderAt", Date.from(clock.getReminderAt()));
      execution.setVariable("supervisionDueAt", Date.from(clock.getSupervisionDueAt()));
      execution.setVariable("keySupervisionDueAt", Date.from(clock.getKeySupervisionDueAt()));
      execution.setVariable(CO_OPINION_DUE, Date.from(coOpinionDue(calendars.calendar(), clock.getStartedAt(),
          clock.getDueAt(), calendarTime(execution.getVariable(CLOCK_KIND), execution.getVariable("routeRule")))));
    };
  }

  /**
   * A clock counted in calendar hours (reminder and co-opinion share wall-clock time). Instances started before the
   * route carried its clock kind know only the rule's id: for them the 24-hour rule is the one.
   */
  static boolean calendarTime(Object clockKind, Object routeRule) {
    if (clockKind != null) return ClockKind.CALENDAR_HOURS.name().equals(clockKind);
    return "EMERGENCY".equals(routeRule);
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
  static Optional<DeadlineBasis> basis(VariableScope scope, Instant due, RulesService rules, CalendarService calendars) {
    Date from = (Date) scope.getVariable(DepartmentReplyProcess.Var.REPLY_DUE_FROM);
    if (from == null) return Optional.empty();
    Object period = scope.getVariable(DepartmentReplyProcess.Var.REPLY_DUE_PERIOD);
    DeadlineBasis basis = period != null ? DeadlineBasis.period(from.toInstant(), Period.parse(period.toString()))
        : workingDays(scope, rules).map(days -> new DeadlineBasis(from.toInstant(), days)).orElse(null);
    return basis != null && basis.count(calendars.calendar()).equals(due) ? Optional.of(basis) : Optional.empty();
  }

  private static Optional<Integer> workingDays(VariableScope scope, RulesService rules) {
    Object rule = scope.getVariable("routeRule");
    if (rule == null) return Optional.empty();
    DeadlineRule deadline = rules.current().data(RoutingPolicy.class).deadlineOf(rule.toString());
    return Optional.ofNullable(deadline == null ? null : deadline.workingDays());
  }

  static String title(VariableScope scope) {
    return "「" + scope.getVariable("demandTitle") + "」";
  }

  @Bean
  JavaDelegate remindDepartment(ReplyClocks clocks, DemandRecords demands, SlaMetrics metrics,
      Notifications notifications) {
    return execution -> {
      ReplyClock clock = clocks.remind(clockId(execution));
      metrics.timerFired("reminder", clock.getReminderAt(), clock.getRemindedAt());
      var taskService = execution.getProcessEngineServices().getTaskService();
      // every open task of the unit on this clock (the reply; for proposals also the contact with the proposer)
      taskService.createTaskQuery().processInstanceId(replyWork(execution))
          .taskCandidateGroup((String) execution.getVariable("leadGroup")).includeAssignedTasks().list().forEach(task -> {
            task.setFollowUpDate(new Date());
            taskService.saveTask(task);
          });
      demands.event(clock.getDemandId(), "system", "REMINDED", "答复时限已过75%，已提醒承办单位", null);
      notifications.toGroup("dept-" + clock.getDepartment(), "REMINDER", "答复即将到期：" + title(execution),
          "受理编号 " + clock.getTrackingCode() + " 的答复时限已过75%，请抓紧办理。", clock.getTrackingCode());
    };
  }

  /**
   * The process holding the reply work: the caller of a ReplyClockProcess; a model from before it had the clock
   * on the reply work itself (running instances of those versions).
   */
  static String replyWork(DelegateExecution execution) {
    String key = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    return ReplyClockProcess.KEY.equals(key) ? execution.getProcessInstance().getSuperExecution().getProcessInstanceId()
        : execution.getProcessInstanceId();
  }

  @Bean
  JavaDelegate recordBreach(ReplyClocks clocks, DemandRecords demands, SlaMetrics metrics,
      Notifications notifications) {
    return execution -> {
      Object label = execution.getVariable("clockLabel");
      var breach = clocks.breach(clockId(execution), label == null ? "部门答复" : label.toString());
      metrics.timerFired("breach", breach.getDueAt(), breach.getBreachedAt());
      demands.event(breach.getDemandId(), "system", "BREACHED", "超过答复时限，转督查督办", null);
      notifications.toGroup("supervisor", "BREACH", "答复超期，待督办：" + title(execution),
          "受理编号 " + breach.getTrackingCode() + " 已超过答复时限，请督办。", breach.getTrackingCode());
      notifications.toGroup("dept-" + breach.getDepartment(), "BREACH", "答复已超期：" + title(execution),
          "受理编号 " + breach.getTrackingCode() + " 已超过答复时限，已转督查督办，请尽快答复。", breach.getTrackingCode());
    };
  }

  @Bean
  JavaDelegate escalateBreach(ReplyClocks clocks, DemandRecords demands, SlaMetrics metrics,
      Notifications notifications) {
    return execution -> {
      clocks.escalate(clockId(execution)).stream().findFirst().ifPresent(escalated ->
          metrics.timerFired("escalation", clocks.clock(clockId(execution)).getSupervisionDueAt(), escalated.getEscalatedAt()));
      ReplyClock clock = clocks.clock(clockId(execution));
      demands.event(clock.getDemandId(), "system", "ESCALATED", "督办到期仍未答复，升级为领导重点督办", null);
      notifications.toGroup("leadership", "ESCALATION", "重点督办：" + title(execution),
          "受理编号 " + clock.getTrackingCode() + " 督办到期仍未答复，请领导重点督办。", clock.getTrackingCode());
    };
  }

  @Bean
  TaskListener recordSupervision(ReplyClocks clocks, DemandRecords demands) {
    return task -> {
      String action = Vars.choice(task, "supervisionAction", "督办方式", SupervisionAction.class).name();
      String note = Vars.text(task, "supervisionNote", "督办情况", true, 2000);
      clocks.supervised(clockId(task), action, note, Vars.actor(task));
      demands.event(clocks.clock(clockId(task)).getDemandId(), Vars.actor(task), "SUPERVISED",
          SupervisionAction.valueOf(action).label() + "：" + note, null);
    };
  }
}
