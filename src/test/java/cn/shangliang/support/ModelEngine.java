package cn.shangliang.support;

import cn.shangliang.calendar.WorkingDayBusinessCalendar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The engine alone, for fast tests of one model's paths (issue #21 item 7): an in-memory engine with no application
 * around it, whose {@code ${beans}} are the test's stand-ins ({@link Mocks}), and whose {@code NWD} due dates count
 * plain days (the calendar has its own tests). Called processes are stubs the test deploys ({@link #calledProcess}).
 */
public final class ModelEngine {
  private static ProcessEngine engine;

  private ModelEngine() {}

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
      config.setProcessEngineName("model-tests");
      config.setJdbcUrl("jdbc:h2:mem:model-tests;DB_CLOSE_DELAY=-1");
      config.setDatabaseSchemaUpdate("create-drop");
      config.setJobExecutorActivate(false);
      config.setHistory("full");
      config.setExpressionManager(new MockExpressionManager());
      MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
      calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new PlainDays(new DueDateBusinessCalendar()));
      calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new PlainDays(new DurationBusinessCalendar()));
      calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
      config.setBusinessCalendarManager(calendars);
      engine = config.buildProcessEngine();
    }
    return engine;
  }

  /** A called process standing in for the real one: starts, runs {@code ${delegate}}, ends. */
  public static BpmnModelInstance calledProcess(String key, String delegate) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().serviceTask("ServiceTask_Stub")
        .camundaDelegateExpression("${" + delegate + "}").endEvent().done();
  }

  /** Stand-ins that do nothing but note that the model called them, in order. */
  public static final class Calls {
    private final List<String> names = new ArrayList<>();

    public JavaDelegate delegate(String name) {
      return delegate(name, execution -> {});
    }

    public JavaDelegate delegate(String name, JavaDelegate body) {
      JavaDelegate noted = execution -> {
        names.add(name);
        body.execute(execution);
      };
      Mocks.register(name, noted);
      return noted;
    }

    public void taskListener(String name) {
      Mocks.register(name, (TaskListener) (DelegateTask task) -> names.add(name));
    }

    public void executionListener(String name) {
      Mocks.register(name, (ExecutionListener) (DelegateExecution execution) -> names.add(name));
    }

    public List<String> names() {
      return names;
    }
  }

  /** Runs the jobs that are due (async continuations, timers up to now), as the job executor would. */
  public static void runDueJobs() {
    for (int round = 0; round < 20; round++) {
      var jobs = get().getManagementService().createJobQuery().executable().list();
      if (jobs.isEmpty()) return;
      jobs.forEach(job -> get().getManagementService().executeJob(job.getId()));
    }
  }

  /** After a test: its deployment gone with its instances, its mocked beans forgotten, the engine's clock real again. */
  public static void undeploy(String deploymentId) {
    get().getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  /** Moves the engine's clock forward and runs what fell due. */
  public static void after(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    runDueJobs();
  }

  public static Task task(String processInstanceId, String taskKey) {
    return get().getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
  }

  /** "5WD" as five plain days: what a working day is, is the calendar's own test. */
  private record PlainDays(BusinessCalendar fallback) implements BusinessCalendar {
    @Override
    public Date resolveDuedate(String description) {
      return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Date start) {
      OptionalInt days = WorkingDayBusinessCalendar.workingDays(description); // the application's reading of "5WD"
      if (days.isEmpty()) return start == null ? fallback.resolveDuedate(description) : fallback.resolveDuedate(description, start);
      Date from = start != null ? start : ClockUtil.getCurrentTime();
      return Date.from(from.toInstant().plus(Duration.ofDays(days.getAsInt())));
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
      return resolveDuedate(description, task == null ? null : task.getCreateTime());
    }
  }
}
