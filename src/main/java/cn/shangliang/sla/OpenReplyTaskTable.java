package cn.shangliang.sla;

import cn.shangliang.system.ParseListenerPlugin;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code open_reply_task} and {@code open_reply_task_group} (V21) equal to the department reply tasks the engine
 * has open: every reply task, in whichever model, gets built-in task listeners when its model is parsed — built in, so
 * they run even when an administrator deletes instances skipping custom listeners. They write inside the engine's
 * transaction: a task created, completed or deleted, or changed (a new due date, a candidate group added or removed:
 * the engine's "update" event) is written in the same commit as the engine's own rows, on any node.
 */
@Configuration(proxyBeanMethods = false)
class OpenReplyTaskTable {

  @Bean
  AbstractProcessEnginePlugin openReplyTaskPlugin(@Lazy JdbcTemplate jdbc) {
    TaskListener listener = task -> onEvent(task, jdbc);
    return ParseListenerPlugin.of(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!SlaSummaries.REPLY_TASK.equals(activity.getId())) return;
        for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE)) {
          ParseListenerPlugin.taskDefinition(activity).addBuiltInTaskListener(event, listener);
        }
      }
    });
  }

  static void onEvent(DelegateTask task, JdbcTemplate jdbc) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> insert(task, jdbc);
      case TaskListener.EVENTNAME_UPDATE -> {
        remove(task.getId(), jdbc);
        insert(task, jdbc);
      }
      default -> remove(task.getId(), jdbc); // complete, delete
    }
  }

  /**
   * The task's row, with the lead department as {@code getVariable} finds it when the task is made (the reply process
   * receives it at its start and never changes it), and a row per candidate group.
   */
  private static void insert(DelegateTask task, JdbcTemplate jdbc) {
    Timestamp due = task.getDueDate() == null ? null : new Timestamp(task.getDueDate().getTime());
    Object lead = task.getVariable(SlaSummaries.LEAD_DEPARTMENT);
    jdbc.update("INSERT INTO open_reply_task (task_id, lead_department, due_at) VALUES (?, ?, ?)", task.getId(),
        lead instanceof String department ? department : null, due);
    List<Object[]> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null && !removedNow(link))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().map(group -> new Object[] {task.getId(), group, due})
        .toList();
    if (!groups.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO open_reply_task_group (task_id, group_id, due_at) VALUES (?, ?, ?)", groups);
    }
  }

  /**
   * Whether the link is being deleted in this very command: a candidate group removed fires the update event while the
   * task's list of links still holds the deleted one (it leaves the database at the flush).
   */
  private static boolean removedNow(IdentityLink link) {
    return link instanceof DbEntity entity && Context.getCommandContext().getDbEntityManager().isDeleted(entity);
  }

  private static void remove(String taskId, JdbcTemplate jdbc) {
    jdbc.update("DELETE FROM open_reply_task_group WHERE task_id = ?", taskId);
    jdbc.update("DELETE FROM open_reply_task WHERE task_id = ?", taskId);
  }
}
