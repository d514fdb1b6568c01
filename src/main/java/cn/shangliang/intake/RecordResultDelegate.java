package cn.shangliang.intake;

import cn.shangliang.intake.DemandIntakeProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录办理结果: the handling result given in the task's form goes into the demand's record. */
@Component("recordHandlingResult")
class RecordResultDelegate implements JavaDelegate {
  private final HandlingResults results;

  RecordResultDelegate(HandlingResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long demandId = ((Number) execution.getVariable(Var.DEMAND_ID)).longValue();
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = authentication == null ? "system" : authentication.getUserId();
    results.record(demandId, (String) execution.getVariable(Var.RESULT_TEXT), actor);
  }
}
