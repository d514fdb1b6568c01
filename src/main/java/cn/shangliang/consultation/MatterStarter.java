package cn.shangliang.consultation;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRouting;
import cn.shangliang.intake.MatterProcess;
import cn.shangliang.intake.RoutingRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * 广泛征集知事: every registered demand starts its six-step process, in the registering transaction. The first step
 * (受理研判, {@code ${routeDemand}}) runs synchronously within the start and leaves the id of its routing record.
 */
@Component
class MatterStarter implements MatterProcess {
  private final RuntimeService runtimeService;
  private final DemandRecords demands;
  private final DemandRouting routing;

  MatterStarter(RuntimeService runtimeService, DemandRecords demands, DemandRouting routing) {
    this.runtimeService = runtimeService;
    this.demands = demands;
    this.routing = routing;
  }

  @Override
  public RoutingRecord start(Demand demand) {
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(SixStepConsultationProcess.KEY)
        .businessKey(demand.getTrackingCode()).setVariables(SixStepVariables.ofDemand(demand)).executeWithVariablesInReturn();
    demands.attachProcess(demand.getId(), instance.getId());
    Long recordId = SixStepVariables.routingRecordId(instance.getVariables());
    if (recordId == null) {
      // triage made asynchronous, or the model changed: the demand must not be registered without its route
      throw new IllegalStateException("受理研判未在启动时完成: " + demand.getTrackingCode());
    }
    return routing.record(recordId);
  }
}
