package cn.shangliang.handling;

import cn.shangliang.handling.DepartmentReplyProcess.Var;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The matter's variables every handling process carries (passed in by its caller), typed. */
abstract class MatterVariables {
  protected final VariableScope scope;

  MatterVariables(VariableScope scope) {
    this.scope = scope;
  }

  long demandId() {
    return ((Number) scope.getVariable(Var.DEMAND_ID)).longValue();
  }

  String trackingCode() {
    return (String) scope.getVariable(Var.TRACKING_CODE);
  }

  String leadDepartment() {
    return (String) scope.getVariable(Var.LEAD_DEPARTMENT);
  }

  String leadGroup() {
    return (String) scope.getVariable(Var.LEAD_GROUP);
  }

  /** The matter's title as notifications quote it: 「…」. */
  String title() {
    return "「" + scope.getVariable(Var.DEMAND_TITLE) + "」";
  }

  /** The reply clock the caller started ({@code ${startReplyClock}}). */
  long clockId() {
    return ((Number) scope.getVariable(ReplyClockProcess.Var.CLOCK_ID)).longValue();
  }
}
