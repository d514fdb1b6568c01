package cn.shangliang.intake;

import cn.shangliang.intake.DemandIntakeProcess.Var;
import cn.shangliang.routing.Departments;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.sla.WorkingCalendar;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 分流研判: the business-rule step. Routes the demand with the rules in force and tells the process where to go. */
@Component("routeDemand")
class RouteDemandDelegate implements JavaDelegate {
  private final DemandRouting routing;

  RouteDemandDelegate(DemandRouting routing) {
    this.routing = routing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long demandId = ((Number) execution.getVariable(Var.DEMAND_ID)).longValue();
    RouteResult route = routing.routeAndRecord(demandId, RoutingRecord.Stage.TRIAGE, "system").toResult(WorkingCalendar.CHINA);
    execution.setVariable(Var.ROUTE, route.route().name());
    execution.setVariable(Var.ROUTE_LABEL, route.route().label());
    execution.setVariable(Var.ROUTE_REASONS, route.reasons().stream().map(RouteResult.Reason::message).collect(Collectors.joining("；")));
    execution.setVariable(Var.LEAD_DEPARTMENT, route.leadDepartment());
    execution.setVariable(Var.LEAD_GROUP, route.leadDepartment() == null ? null : Departments.groupOf(route.leadDepartment()));
    execution.setVariable(Var.CO_DEPARTMENTS, String.join(",", route.coDepartments()));
    execution.setVariable(Var.DEADLINE, route.deadline() == null ? null : Date.from(route.deadline().toInstant()));
  }
}
