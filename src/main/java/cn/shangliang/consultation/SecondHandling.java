package cn.shangliang.consultation;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.consultation.SixStepConsultationProcess.Var;
import cn.shangliang.forms.Vars;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.routing.DeadlineRule;
import cn.shangliang.routing.RoutingPolicy;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 二次办理 after publicity: an upheld objection or the submitters' 不满意 sends the matter back to whoever
 * handled it (the department with a new deadline of the same rule, or the member / liaison office), and the
 * new result is published again. Only a 不满意 uses up the one second handling the public is owed.
 */
@Configuration(proxyBeanMethods = false)
class SecondHandling {

  @Bean
  JavaDelegate startSecondHandling(DemandRecords demands, RulesService rules, Clock clock, Notifications notifications) {
    return execution -> {
      long demandId = ((Number) execution.getVariable(Var.DEMAND_ID)).longValue();
      Object round = execution.getVariable("handlingRound");
      int next = (round == null ? 1 : ((Number) round).intValue()) + 1;
      boolean unsatisfied = "UNSATISFIED".equals(execution.getVariable("secondHandlingReason"));
      execution.setVariable("handlingRound", next);
      if (unsatisfied) execution.setVariable("secondHandlingDone", true);
      RoutingPolicy policy = rules.current().data(RoutingPolicy.class);
      String rule = (String) execution.getVariable(Var.ROUTE_RULE);
      DeadlineRule deadlineRule = rule == null ? policy.deadlineOf("STANDARD") : policy.deadlineOf(rule);
      WorkingCalendar calendar = rules.current().data(WorkingCalendar.class);
      Date deadline = Date.from(deadlineRule.from(clock.instant().atZone(calendar.zone()).toOffsetDateTime(), calendar).toInstant());
      execution.setVariable(Var.DEADLINE, deadline);
      String why = unsatisfied ? "群众对办理结果不满意" : "公示异议成立";
      execution.setVariable("secondHandlingReasonText", why);
      boolean department = "DEPARTMENT".equals(execution.getVariable(Var.ROUTE));
      demands.event(demandId, "system", "SECOND_HANDLING", why + "，转二次办理，期限 "
          + ChinaTime.text(deadline.toInstant()), department ? DemandStatus.DEPARTMENT_HANDLING : DemandStatus.DECIDING);
      String group = department ? (String) execution.getVariable(Var.LEAD_GROUP) : "liaison-office";
      notifications.toGroup(group, "RETURNED", "二次办理：" + execution.getVariable(Var.TITLE), why + "，请重新办理并答复。",
          (String) execution.getVariable(Var.TRACKING_CODE));
    };
  }

  @Bean
  TaskListener recordSecondHandlingAnswer(DemandRecords demands) {
    return task -> demands.event(((Number) task.getVariable(Var.DEMAND_ID)).longValue(), Vars.actor(task), "ANSWERED",
        "二次办理：" + Vars.text(task, Var.RESULT_TEXT, "二次办理结果", true, 2000), DemandStatus.HANDLED);
  }
}
