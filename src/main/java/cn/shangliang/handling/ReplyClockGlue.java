package cn.shangliang.handling;

import cn.shangliang.forms.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Glue of the reply clock ({@link ReplyClockProcess}): {@code ${remindDepartment}}, {@code ${recordBreach}}, {@code ${escalateBreach}}, {@code ${recordSupervision}}. Models
 * from before ReplyClockProcess ran these on the reply work itself; their running instances call the same beans.
 */
@Configuration(proxyBeanMethods = false)
class ReplyClockGlue {

  @Bean
  JavaDelegate remindDepartment(ReplyClockSteps steps) {
    return execution -> steps.remind(ReplyClockVariables.of(execution), replyWork(execution));
  }

  /**
   * The process holding the reply work: the caller of a ReplyClockProcess; a model from before it had the clock
   * on the reply work itself (running instances of those versions).
   */
  static String replyWork(DelegateExecution execution) {
    String key = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    return ReplyClockProcess.KEY.equals(key) ? execution.getProcessInstance().getSuperExecution().getProcessInstanceId()
        : execution.getProcessInstanceId();
  }

  @Bean
  JavaDelegate recordBreach(ReplyClockSteps steps) {
    return execution -> steps.breach(ReplyClockVariables.of(execution));
  }

  @Bean
  JavaDelegate escalateBreach(ReplyClockSteps steps) {
    return execution -> steps.escalate(ReplyClockVariables.of(execution));
  }

  @Bean
  TaskListener recordSupervision(ReplyClockSteps steps) {
    return task -> {
      ReplyClockVariables vars = ReplyClockVariables.of(task);
      steps.supervised(vars.clockId(), vars.supervisionAction(), vars.supervisionNote(), Vars.actor(task));
    };
  }
}
