package cn.shangliang.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Moves a demo matter through its steps as the demo users would, so every inbox has something in it. */
final class DemoWalk {
  private final ProcessEngine engine;
  private final String processInstanceId;

  DemoWalk(ProcessEngine engine, String processInstanceId) {
    this.engine = engine;
    this.processInstanceId = processInstanceId;
  }

  DemoWalk complete(String taskKey, String user, List<String> groups, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("demo matter " + processInstanceId + " is not waiting at " + taskKey);
    }
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return runJobs();
  }

  /** Fires the timers of a matter (and its called processes) that are due by the engine's clock. */
  static void fireDueTimers(ProcessEngine engine, String trackingCode) {
    for (var instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(trackingCode).list()) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().executable().list()) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  /** Asynchronous steps (notices, publication) run now instead of waiting for the job executor. */
  DemoWalk runJobs() {
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable()
        .messages().list()).isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    return this;
  }

}
