package cn.shangliang.inbox;

import java.lang.reflect.Field;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What an engine command asks of one existing task: to work on it (complete, submit its form, throw an
 * error or escalation from it, change its variables) or to change who holds it (claim, assign, delegate,
 * an assignee identity link, a saved task with another assignee). Every path the Java API, /engine-rest and
 * Tasklist take ends in one of these Camunda commands; their fields are not public, so they are read here.
 *
 * @param assignee for a change of holder: the user the task goes to, null to hand it back
 */
record TaskRequest(Kind kind, String taskId, String assignee) {

  enum Kind {
    WORK, CLAIM, ASSIGN, DELEGATE
  }

  static Optional<TaskRequest> of(Command<?> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
        || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      return Optional.of(new TaskRequest(Kind.WORK, field(command, "taskId"), null));
    }
    if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
        || command instanceof PatchTaskVariablesCmd) {
      return Optional.of(new TaskRequest(Kind.WORK, field(command, "entityId"), null));
    }
    if (command instanceof ClaimTaskCmd) {
      String user = field(command, "userId");
      return Optional.of(new TaskRequest(user == null ? Kind.ASSIGN : Kind.CLAIM, field(command, "taskId"), user));
    }
    if (command instanceof DelegateTaskCmd) {
      return Optional.of(new TaskRequest(Kind.DELEGATE, field(command, "taskId"), field(command, "userId")));
    }
    if (command instanceof AbstractAddIdentityLinkCmd && IdentityLinkType.ASSIGNEE.equals(field(command, "type"))) {
      return Optional.of(new TaskRequest(Kind.ASSIGN, field(command, "taskId"), field(command, "userId")));
    }
    if (command instanceof DeleteIdentityLinkCmd && IdentityLinkType.ASSIGNEE.equals(field(command, "type"))) {
      return Optional.of(new TaskRequest(Kind.ASSIGN, field(command, "taskId"), null));
    }
    if (command instanceof SaveTaskCmd) {
      TaskEntity task = field(command, "task");
      // a new task has no holder to protect; an existing one keeps its assignee unless this save changes it
      return task == null || task.getRevision() == 0 ? Optional.empty()
          : Optional.of(new TaskRequest(Kind.ASSIGN, task.getId(), task.getAssignee()));
    }
    return Optional.empty();
  }

  boolean changesHolder() {
    return kind != Kind.WORK;
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Command<?> command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name + " (Camunda upgrade?)");
  }
}
