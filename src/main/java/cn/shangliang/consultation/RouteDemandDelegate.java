package cn.shangliang.consultation;

import cn.shangliang.consultation.SixStepConsultationProcess.Var;
import cn.shangliang.intake.DemandRouting;
import cn.shangliang.intake.RoutingRecord;
import cn.shangliang.organisation.Departments;
import cn.shangliang.routing.RouteResult;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business-rule steps: 受理研判 at collection ({@code ${routeDemand}}) and 分层分类办事 on the
 * investigated facts ({@code ${routeHandling}}). Both route with the rules in force, record the decision
 * and tell the process where to go.
 */
@Configuration(proxyBeanMethods = false)
class RouteDemandDelegate {

  @Bean
  JavaDelegate routeDemand(DemandRouting routing) {
    return execution -> route(execution, routing, RoutingRecord.Stage.TRIAGE);
  }

  @Bean
  JavaDelegate routeHandling(DemandRouting routing) {
    return execution -> route(execution, routing, RoutingRecord.Stage.HANDLING);
  }

  static void route(DelegateExecution execution, DemandRouting routing, RoutingRecord.Stage stage) {
    long demandId = ((Number) execution.getVariable(Var.DEMAND_ID)).longValue();
    RoutingRecord record = routing.routeAndRecord(demandId, stage, "system");
    RouteResult route = record.toResult(routing.calendar());
    execution.setVariable(Var.ROUTING_RECORD_ID, record.getId());
    execution.setVariable(Var.ROUTE, route.route().name());
    execution.setVariable(Var.ROUTE_RULE, route.winningRule());
    execution.setVariable(Var.CLOCK_KIND, route.clockKind() == null ? null : route.clockKind().name());
    execution.setVariable(Var.INVESTIGATE_FIRST, route.investigateFirst());
    execution.setVariable(Var.ROUTE_LABEL, route.route().label());
    execution.setVariable(Var.ROUTE_REASONS, route.reasons().stream().map(RouteResult.Reason::message).collect(Collectors.joining("；")));
    execution.setVariable(Var.LEAD_DEPARTMENT, route.leadDepartment());
    execution.setVariable(Var.LEAD_GROUP, route.leadDepartment() == null ? null : Departments.groupOf(route.leadDepartment()));
    execution.setVariable(Var.CO_DEPARTMENTS, String.join(",", route.coDepartments()));
    execution.setVariable(Var.DEADLINE, route.deadline() == null ? null : Date.from(route.deadline().toInstant()));
    execution.setVariable(Var.DEADLINE_FROM, Date.from(record.getEvaluatedAt()));
  }
}
