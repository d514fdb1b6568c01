package cn.shangliang.consultation;

import cn.shangliang.consultation.SixStepConsultationProcess.Var;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRegistered;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** 广泛征集知事: every registered demand starts its six-step process, in the registering transaction. */
@Component
class MatterStarter {
  private final RuntimeService runtimeService;
  private final DemandRecords demands;

  MatterStarter(RuntimeService runtimeService, DemandRecords demands) {
    this.runtimeService = runtimeService;
    this.demands = demands;
  }

  @EventListener
  void on(DemandRegistered registered) {
    Demand demand = demands.demand(registered.demandId());
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(SixStepConsultationProcess.KEY,
        registered.trackingCode(), Variables.createVariables()
            .putValue(Var.DEMAND_ID, demand.getId())
            .putValue(Var.TRACKING_CODE, demand.getTrackingCode())
            .putValue(Var.TITLE, demand.getTitle())
            .putValue(Var.DESCRIPTION, SixStepConsultationProcess.descriptionForForms(demand.getDescription()))
            .putValue(Var.TOWNSHIP, demand.getTownship())
            .putValue(Var.VILLAGE, demand.getVillage())
            .putValue(Var.CATEGORY, demand.getCategory().label())
            .putValue(Var.COLLECTING_MEMBER, demand.getCollectingMember()));
    demands.attachProcess(demand.getId(), instance.getId());
  }
}
