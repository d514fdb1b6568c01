package cn.shangliang.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * How the modules give every model their listeners when it is parsed (a matter's end, the task cards, the open reply
 * tasks): a BPMN parse listener run after the engine's own, so the models designers edit carry no glue of ours.
 */
public final class ParseListenerPlugin {
  private ParseListenerPlugin() {}

  /** An engine plugin that adds {@code listener} to the parse listeners run after the engine's. */
  public static AbstractProcessEnginePlugin of(BpmnParseListener listener) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        configuration.getCustomPostBPMNParseListeners().add(listener);
      }
    };
  }

  /** The task definition of a parsed user task, where its task listeners go. */
  public static TaskDefinition taskDefinition(ActivityImpl userTask) {
    return ((UserTaskActivityBehavior) userTask.getActivityBehavior()).getTaskDefinition();
  }
}
