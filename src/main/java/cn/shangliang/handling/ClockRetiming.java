package cn.shangliang.handling;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.rules.RulesReloaded;
import cn.shangliang.sla.ClockDates;
import cn.shangliang.sla.ReplyClockRetimed;
import cn.shangliang.sla.ReplyClocks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the notice arrives, everything follows (issue #20): after a reload that changed {@code rules/calendar/},
 * every open reply clock (department replies and proposal replies) is counted again from its start with its rule;
 * the clock's row, the process variables holding its dates (with the co-handlers' opinion date), the due dates of
 * the open tasks and the timers that still wait move together, the owning module hears of it
 * ({@link ReplyClockRetimed}), each move
 * is an event in the demand's history and the handlers of a moved task are told. Each node reloads its own
 * rules: a clock moves under a row lock and only when its dates differ, so the second node finds nothing to do.
 */
@Component
class ClockRetiming {
  private static final Logger log = LoggerFactory.getLogger(ClockRetiming.class);
  /** The process variables that hold the clock's dates ({@code ${startReplyClock}}), in the order of ClockDates. */
  private static final List<String> DATE_VARIABLES = ReplyClockVariables.DATES;
  private static final List<String> DATE_LABELS = List.of("办理时限", "75%提醒", "督办时限", "重点督办时限");

  private final ReplyClocks clocks;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final DeadlineNotices notices;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClockRetiming(ReplyClocks clocks, RuntimeService runtime, TaskService tasks, ManagementService management,
      RepositoryService repository, DeadlineNotices notices, TransactionTemplate transaction,
      ApplicationEventPublisher events, Clock clock) {
    this.clocks = clocks;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.notices = notices;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void rulesReloaded(RulesReloaded reloaded) {
    if (!DeadlineNotices.calendarChanged(reloaded)) return;
    WorkingCalendar before = reloaded.previous().data(WorkingCalendar.class);
    WorkingCalendar after = reloaded.next().data(WorkingCalendar.class);
    int moved = 0;
    // each node walks the clocks in its own order: two nodes reloading the same notice share the work instead of
    // one waiting on the other's row lock clock after clock (whoever locks a clock first moves it; the other finds it done)
    List<ReplyClocks.OpenClock> open = new ArrayList<>(clocks.openClocks());
    Collections.shuffle(open);
    for (ReplyClocks.OpenClock clock : open) {
      // one transaction per clock: the row lock, the engine's changes and the history commit together
      Boolean retimed = transaction.execute(status -> retime(clock, before, after));
      if (Boolean.TRUE.equals(retimed)) moved++;
    }
    log.info("Working calendar changed ({} -> {}): {} open reply clocks re-timed", reloaded.previous().checksum(),
        reloaded.next().checksum(), moved);
  }

  private boolean retime(ReplyClocks.OpenClock open, WorkingCalendar before, WorkingCalendar after) {
    // the row lock and the count first: a clock already moved (by the other node) or not touched costs two statements
    var moved = clocks.retime(open.id(), after).orElse(null);
    if (moved == null) return false;
    // the business key (indexed) narrows the search to the matter's few processes before the variable is compared;
    // the caller that started the clock and its ReplyClockProcess (a copy of the caller's variables) both hold it
    var query = runtime.createProcessInstanceQuery().variableValueEquals(ReplyClockProcess.Var.CLOCK_ID, open.id())
        .active();
    if (open.trackingCode() != null) query.processInstanceBusinessKey(open.trackingCode());
    List<ProcessInstance> instances = query.list();
    if (instances.isEmpty()) return false; // the clock's process has ended: nothing waits on its dates
    String caller = caller(instances);
    Map<Instant, Instant> dates = changes(moved.before(), moved.after());
    Map.Entry<Instant, Instant> coOpinion = coOpinion(caller, moved, after);
    if (coOpinion != null) dates.put(coOpinion.getKey(), coOpinion.getValue());
    List<Task> movedTasks = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      moveVariables(instance.getId(), dates);
      moveTimers(instance.getId(), dates);
      movedTasks.addAll(moveTasks(instance.getId(), dates));
    }
    record(moved.clock().getDemandId(), caller, moved.before(), moved.after(), before, after);
    if (coOpinion != null) {
      notices.record(moved.clock().getDemandId(), label(caller) + "协办意见时限", coOpinion.getKey(),
          coOpinion.getValue(), before, after);
    }
    movedTasks.forEach(task -> notices.tell(task, moved.clock().getTrackingCode(), before, after));
    events.publishEvent(new ReplyClockRetimed(moved.clock(), caller, moved.before(), moved.after()));
    return true;
  }

  /** The process that started the clock (department reply, proposal), not the ReplyClockProcess it called. */
  private String caller(List<ProcessInstance> instances) {
    return instances.stream().filter(instance -> !ReplyClockProcess.KEY.equals(key(instance))).findFirst()
        .orElse(instances.get(0)).getId();
  }

  private String key(ProcessInstance instance) {
    return repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
  }

  /** The co-handlers' opinion date, counted again from the clock's start to its new due date; null if it stays. */
  private Map.Entry<Instant, Instant> coOpinion(String processInstanceId, ReplyClocks.Retimed moved, WorkingCalendar after) {
    ReplyClockVariables.OfInstance variables = new ReplyClockVariables.OfInstance(runtime, processInstanceId);
    Object value = variables.coOpinionDue();
    if (!(value instanceof Date date) || !date.toInstant().isAfter(clock.instant())) return null;
    Instant counted = ReplyClockSteps.coOpinionDue(after, moved.clock().getStartedAt(), moved.after().due(),
        variables.calendarTime());
    return counted.equals(date.toInstant()) ? null : Map.entry(date.toInstant(), counted);
  }

  /** Old date → new date, for the dates that moved. */
  private static Map<Instant, Instant> changes(ClockDates before, ClockDates after) {
    Map<Instant, Instant> changes = new LinkedHashMap<>();
    List<Instant> old = list(before), counted = list(after);
    for (int i = 0; i < old.size(); i++) {
      if (!old.get(i).equals(counted.get(i))) changes.put(old.get(i), counted.get(i));
    }
    return changes;
  }

  private static List<Instant> list(ClockDates dates) {
    return List.of(dates.due(), dates.reminder(), dates.supervision(), dates.keySupervision());
  }

  private void moveVariables(String processInstanceId, Map<Instant, Instant> dates) {
    for (String name : DATE_VARIABLES) {
      Object value = runtime.getVariable(processInstanceId, name);
      if (value instanceof Date date && dates.containsKey(date.toInstant())) {
        runtime.setVariable(processInstanceId, name, Date.from(dates.get(date.toInstant())));
      }
    }
  }

  /** Timers still waiting on a moved date; one that fired is gone, and what it did stays done. */
  private void moveTimers(String processInstanceId, Map<Instant, Instant> dates) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      Instant moved = job.getDuedate() == null ? null : dates.get(job.getDuedate().toInstant());
      if (moved != null) management.setJobDuedate(job.getId(), Date.from(moved));
    }
  }

  private List<Task> moveTasks(String processInstanceId, Map<Instant, Instant> dates) {
    List<Task> moved = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      Instant to = task.getDueDate() == null ? null : dates.get(task.getDueDate().toInstant());
      if (to == null) continue;
      task.setDueDate(Date.from(to));
      tasks.saveTask(task);
      moved.add(task);
    }
    return moved;
  }

  /** One history event per moved date: 「部门答复」办理时限 2027-02-05 17:30 → 2027-02-19 17:30（2027年节假日安排已发布）. */
  private void record(long demandId, String processInstanceId, ClockDates old, ClockDates counted, WorkingCalendar before,
      WorkingCalendar after) {
    String clockLabel = label(processInstanceId);
    List<Instant> from = list(old), to = list(counted);
    for (int i = 0; i < from.size(); i++) {
      if (from.get(i).equals(to.get(i))) continue;
      notices.record(demandId, clockLabel + DATE_LABELS.get(i), from.get(i), to.get(i), before, after);
    }
  }

  private String label(String processInstanceId) {
    return "「" + new ReplyClockVariables.OfInstance(runtime, processInstanceId).clockLabel() + "」";
  }

}
