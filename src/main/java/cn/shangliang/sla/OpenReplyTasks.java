package cn.shangliang.sla;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The department reply tasks open now. The counts read {@code open_reply_task} and {@code open_reply_task_group},
 * which the engine's own transactions keep ({@link OpenReplyTaskTable}): one narrow index each, where a join of the
 * engine's task, identity-link and variable tables read every open task and its variables (issue #23: about a second
 * at 100k open reply tasks). Counted as the engine's task query counts them: due soon is strictly after now and
 * strictly before the limit. {@code OpenReplyTaskRecountTest} compares them with a count of the engine's tables.
 */
@Component
class OpenReplyTasks {
  /**
   * Each open reply task with its leadDepartment as {@code getVariable} finds it (on the task, its execution, then
   * its process instance) and its due date: what the table holds, read from the engine (the backfill).
   */
  static final String FROM_ENGINE = """
      SELECT t.ID_ AS task_id,
             CASE WHEN vt.ID_ IS NOT NULL THEN vt.TEXT_ WHEN ve.ID_ IS NOT NULL THEN ve.TEXT_ ELSE vp.TEXT_ END AS department,
             t.DUE_DATE_ AS due
      FROM ACT_RU_TASK t
      LEFT JOIN ACT_RU_VARIABLE vt ON vt.TASK_ID_ = t.ID_ AND vt.NAME_ = 'leadDepartment'
      LEFT JOIN ACT_RU_VARIABLE ve ON ve.EXECUTION_ID_ = t.EXECUTION_ID_ AND ve.TASK_ID_ IS NULL AND ve.NAME_ = 'leadDepartment'
      LEFT JOIN ACT_RU_VARIABLE vp ON vp.EXECUTION_ID_ = t.PROC_INST_ID_ AND vp.TASK_ID_ IS NULL AND vp.NAME_ = 'leadDepartment'
      WHERE t.TASK_DEF_KEY_ = ?""";
  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final RuntimeService runtime;

  OpenReplyTasks(JdbcTemplate jdbc, TaskService tasks, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** Per lead department (tasks without one left out): {open, due soon}. */
  Map<String, long[]> byLeadDepartment(Date now, Date soon) {
    Map<String, long[]> counts = new TreeMap<>();
    jdbc.query("SELECT lead_department, COUNT(*), SUM(CASE WHEN due_at > ? AND due_at < ? THEN 1 ELSE 0 END)"
        + " FROM open_reply_task WHERE lead_department IS NOT NULL GROUP BY lead_department", (ResultSet rs) -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, new Timestamp(now.getTime()), new Timestamp(soon.getTime()));
    return counts;
  }

  /**
   * Per candidate group ({@code dept-water}), assigned or not: {open, due soon}. A task with two groups counts in
   * each, as a task query per group counts it.
   */
  Map<String, long[]> byCandidateGroup(Date now, Date soon) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query("SELECT group_id, COUNT(*), SUM(CASE WHEN due_at > ? AND due_at < ? THEN 1 ELSE 0 END)"
        + " FROM open_reply_task_group GROUP BY group_id", (ResultSet rs) -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, new Timestamp(now.getTime()), new Timestamp(soon.getTime()));
    return counts;
  }

  /** Reply tasks due in (now, soon), soonest first, with their variables read in batches. */
  List<SlaSummaries.DueSoonTask> dueSoon(Date now, Date soon) {
    List<Task> due = tasks.createTaskQuery().taskDefinitionKey(SlaSummaries.REPLY_TASK).dueAfter(now).dueBefore(soon)
        .orderByDueDate().asc().list();
    List<SlaSummaries.DueSoonTask> result = new ArrayList<>();
    for (int i = 0; i < due.size(); i += BATCH) {
      List<Task> batch = due.subList(i, Math.min(due.size(), i + BATCH));
      List<VariableInstance> variables = runtime.createVariableInstanceQuery()
          .processInstanceIdIn(batch.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
          .variableNameIn("trackingCode", "demandTitle", "leadDepartment").disableBinaryFetching()
          .disableCustomObjectDeserialization().list();
      for (Task t : batch) {
        result.add(new SlaSummaries.DueSoonTask(t.getId(), (String) value(variables, t, "trackingCode"),
            (String) value(variables, t, "demandTitle"), (String) value(variables, t, "leadDepartment"), t.getDueDate().toInstant()));
      }
    }
    return result;
  }

  /** The variable as {@code getVariable(taskId, name)} finds it: the task's own, its execution's, its process instance's. */
  private static Object value(List<VariableInstance> variables, Task task, String name) {
    VariableInstance onExecution = null;
    VariableInstance onInstance = null;
    for (VariableInstance v : variables) {
      if (!v.getName().equals(name)) continue;
      if (task.getId().equals(v.getTaskId())) return v.getValue();
      if (v.getTaskId() != null) continue;
      if (v.getExecutionId().equals(task.getExecutionId())) onExecution = v;
      if (v.getExecutionId().equals(task.getProcessInstanceId())) onInstance = v;
    }
    VariableInstance found = onExecution != null ? onExecution : onInstance;
    return found == null ? null : found.getValue();
  }
}
