package cn.shangliang.handling;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.calendar.WorkingDayBusinessCalendar;
import cn.shangliang.rules.RulesReloaded;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User tasks whose model gives their due date in working days ({@code camunda:dueDate="5WD"}: 深入调查明事, 审核答复,
 * 异议处理, 立案审查 …) follow a new working calendar too (issue #20): each open task is counted again from its
 * creation with the same number of working days. Only a task whose due date is still what the old calendar gives
 * moves (someone may have set it by hand), and only while it lies ahead: a passed due date stays. Two nodes
 * reloading the same notice: the second finds the date already counted, or loses the task's revision check.
 */
@Component
class WorkingDayTaskRetiming {
  private static final Logger log = LoggerFactory.getLogger(WorkingDayTaskRetiming.class);

  private final RepositoryService repository;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final DeadlineNotices notices;
  private final TransactionTemplate transaction;
  private final Clock clock;
  /** Process definition id → (task definition key → its rule); definitions never change once deployed. */
  private final Map<String, Map<String, Rule>> workingDayTasks = new ConcurrentHashMap<>();

  /** A task's due date rule in the model: N working days; the step's name as the model gives it (深入调查明事). */
  private record Rule(int workingDays, String step) {}

  WorkingDayTaskRetiming(RepositoryService repository, TaskService tasks, RuntimeService runtime, DeadlineNotices notices,
      TransactionTemplate transaction, Clock clock) {
    this.repository = repository;
    this.tasks = tasks;
    this.runtime = runtime;
    this.notices = notices;
    this.transaction = transaction;
    this.clock = clock;
  }

  @EventListener
  void rulesReloaded(RulesReloaded reloaded) {
    if (!DeadlineNotices.calendarChanged(reloaded)) return;
    WorkingCalendar before = reloaded.previous().data(WorkingCalendar.class);
    WorkingCalendar after = reloaded.next().data(WorkingCalendar.class);
    int moved = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      Map<String, Rule> keys = workingDayTasks.computeIfAbsent(definition.getId(), this::workingDayTasksOf);
      if (keys.isEmpty()) continue;
      for (Task task : tasks.createTaskQuery().processDefinitionId(definition.getId())
          .taskDefinitionKeyIn(keys.keySet().toArray(String[]::new)).dueAfter(Date.from(clock.instant())).list()) {
        if (retime(task.getId(), keys.get(task.getTaskDefinitionKey()), before, after)) moved++;
      }
    }
    log.info("Working calendar changed: {} open tasks with working-day due dates re-timed", moved);
  }

  private Map<String, Rule> workingDayTasksOf(String processDefinitionId) {
    Map<String, Rule> keys = new LinkedHashMap<>();
    for (UserTask task : repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(UserTask.class)) {
      WorkingDayBusinessCalendar.workingDays(task.getCamundaDueDate())
          .ifPresent(days -> keys.put(task.getId(), new Rule(days, task.getName())));
    }
    return keys;
  }

  private boolean retime(String taskId, Rule rule, WorkingCalendar before, WorkingCalendar after) {
    try {
      return Boolean.TRUE.equals(transaction.execute(status -> {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getDueDate() == null) return false; // completed meanwhile
        Instant due = task.getDueDate().toInstant();
        if (!count(before, task, rule.workingDays()).equals(due)) return false; // set by hand, or already moved
        Instant counted = count(after, task, rule.workingDays());
        if (counted.equals(due)) return false;
        task.setDueDate(Date.from(counted));
        tasks.saveTask(task);
        ReplyClockVariables.OfInstance matter = new ReplyClockVariables.OfInstance(runtime, task.getProcessInstanceId());
        Object demandId = matter.demandId();
        String trackingCode = matter.trackingCode();
        if (demandId instanceof Number id) {
          notices.record(id.longValue(), "「" + rule.step() + "」办理时限", due, counted, before, after);
        }
        notices.tell(task, trackingCode, before, after);
        return true;
      }));
    } catch (OptimisticLockingException otherNode) {
      return false; // the other node moved it in the same moment
    }
  }

  private static Instant count(WorkingCalendar calendar, Task task, int workingDays) {
    return calendar.addWorkingDays(task.getCreateTime().toInstant().atZone(calendar.zone()).toOffsetDateTime(), workingDays)
        .toInstant();
  }
}
