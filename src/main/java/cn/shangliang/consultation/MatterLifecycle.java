package cn.shangliang.consultation;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.system.ParseListenerPlugin;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * A matter is 已办结 when the last of its processes has ended (issue #21) — not when one step hard-wired in Java has
 * passed: a step a designer adds after publicity runs while the matter still shows where it stands. Every model gets an
 * end listener when parsed: when a top-level process of a matter (business key = tracking code) completes and no other
 * process of the matter runs outside its own hierarchy (a called process ends before its caller), the matter closes.
 * A process cancelled by an administrator closes nothing.
 */
@Configuration(proxyBeanMethods = false)
class MatterLifecycle {
  /** Statuses a finished process leaves alone: already closed, or folded into another matter. */
  private static final Set<DemandStatus> FINAL = Set.of(DemandStatus.CLOSED, DemandStatus.MERGED);

  @Bean
  AbstractProcessEnginePlugin matterLifecyclePlugin(@Lazy DemandRecords demands) {
    ExecutionListener ended = execution -> processEnded(execution, demands);
    return ParseListenerPlugin.of(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_END, ended);
      }
    });
  }

  static void processEnded(DelegateExecution execution, DemandRecords demands) {
    if (execution.isCanceled() || execution.getSuperExecution() != null) return; // cancelled, or its caller goes on
    String code = execution.getProcessBusinessKey();
    Long id = SixStepVariables.demandIdIfAny(execution);
    if (code == null || id == null) return;
    String root = execution.getProcessInstanceId();
    for (ProcessInstance other : execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(code).list()) {
      if (!root.equals(other.getRootProcessInstanceId())) return; // another of the matter's processes still runs
    }
    Demand demand = demands.demand(id);
    if (!FINAL.contains(demand.getStatus())) {
      demands.event(id, "system", "CLOSED", "全部办理环节已结束，办结", DemandStatus.CLOSED);
    }
  }
}
