package cn.shangliang.handling;

import cn.shangliang.forms.Vars;
import cn.shangliang.handling.DepartmentReplyProcess.Var;
import cn.shangliang.routing.ClockKind;
import cn.shangliang.sla.ReplyClock;
import cn.shangliang.sla.SupervisionAction;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The reply clock's process variables, typed: what {@code ${startReplyClock}} reads and writes in the caller
 * (DepartmentReplyProcess, ProposalProcess) and what the clock's steps read in ReplyClockProcess (a copy of the
 * caller's). The names are {@link ReplyClockProcess.Var} and {@link DepartmentReplyProcess.Var}.
 */
final class ReplyClockVariables extends MatterVariables {
  /** The variables holding the clock's dates, each moved when a new calendar moves the date it holds. */
  static final List<String> DATES = List.of(ReplyClockProcess.Var.REPLY_DUE, ReplyClockProcess.Var.REMINDER,
      ReplyClockProcess.Var.SUPERVISION_DUE, ReplyClockProcess.Var.KEY_SUPERVISION_DUE,
      ReplyClockProcess.Var.CO_OPINION_DUE);

  private ReplyClockVariables(VariableScope scope) {
    super(scope);
  }

  static ReplyClockVariables of(VariableScope scope) {
    return new ReplyClockVariables(scope);
  }

  Instant replyDue() {
    return ((Date) scope.getVariable(ReplyClockProcess.Var.REPLY_DUE)).toInstant();
  }

  Optional<Instant> replyDueFrom() {
    return Optional.ofNullable((Date) scope.getVariable(Var.REPLY_DUE_FROM)).map(Date::toInstant);
  }

  Optional<Period> replyDuePeriod() {
    return Optional.ofNullable(scope.getVariable(Var.REPLY_DUE_PERIOD)).map(period -> Period.parse(period.toString()));
  }

  Optional<String> routeRule() {
    return Optional.ofNullable(scope.getVariable(ReplyClockProcess.Var.ROUTE_RULE)).map(Object::toString);
  }

  /**
   * A clock counted in calendar hours (reminder and co-opinion share wall-clock time). Instances started before the
   * route carried its clock kind know only the rule's id: for them the 24-hour rule is the one.
   */
  boolean calendarTime() {
    return calendarTime(scope.getVariable(ReplyClockProcess.Var.CLOCK_KIND),
        scope.getVariable(ReplyClockProcess.Var.ROUTE_RULE));
  }

  /**
   * The same facts read from a process instance through the runtime service, for the re-timing that walks instances
   * outside any execution: the co-handlers' opinion date, whether the clock runs on calendar hours, its label.
   */
  record OfInstance(RuntimeService runtime, String processInstanceId) {
    Object coOpinionDue() {
      return runtime.getVariable(processInstanceId, ReplyClockProcess.Var.CO_OPINION_DUE);
    }

    boolean calendarTime() {
      return ReplyClockVariables.calendarTime(runtime.getVariable(processInstanceId, ReplyClockProcess.Var.CLOCK_KIND),
          runtime.getVariable(processInstanceId, ReplyClockProcess.Var.ROUTE_RULE));
    }

    String clockLabel() {
      return ReplyClockVariables.clockLabel(runtime.getVariable(processInstanceId, ReplyClockProcess.Var.CLOCK_LABEL));
    }

    Object demandId() {
      return runtime.getVariable(processInstanceId, Var.DEMAND_ID);
    }

    String trackingCode() {
      return (String) runtime.getVariable(processInstanceId, Var.TRACKING_CODE);
    }
  }

  static boolean calendarTime(Object clockKind, Object routeRule) {
    if (clockKind != null) return ClockKind.CALENDAR_HOURS.name().equals(clockKind);
    return "EMERGENCY".equals(routeRule);
  }

  /** What the clock times, in breaches and history: 部门答复 unless the caller names it (提案答复). */
  String clockLabel() {
    return clockLabel(scope.getVariable(ReplyClockProcess.Var.CLOCK_LABEL));
  }

  static String clockLabel(Object label) {
    return label == null ? "部门答复" : label.toString();
  }

  /** The started clock: its id and the dates the clock process waits on, with the co-handlers' opinion date. */
  void started(ReplyClock clock, Instant coOpinionDue) {
    scope.setVariable(ReplyClockProcess.Var.CLOCK_ID, clock.getId());
    scope.setVariable(ReplyClockProcess.Var.REMINDER, Date.from(clock.getReminderAt()));
    scope.setVariable(ReplyClockProcess.Var.SUPERVISION_DUE, Date.from(clock.getSupervisionDueAt()));
    scope.setVariable(ReplyClockProcess.Var.KEY_SUPERVISION_DUE, Date.from(clock.getKeySupervisionDueAt()));
    scope.setVariable(ReplyClockProcess.Var.CO_OPINION_DUE, Date.from(coOpinionDue));
  }

  /** 督办方式 as the supervise form submitted it; a missing or unknown one refuses the task. */
  SupervisionAction supervisionAction() {
    return Vars.choice(scope, ReplyClockProcess.Var.SUPERVISION_ACTION, "督办方式", SupervisionAction.class);
  }

  String supervisionNote() {
    return Vars.text(scope, ReplyClockProcess.Var.SUPERVISION_NOTE, "督办情况", true, 2000);
  }
}
