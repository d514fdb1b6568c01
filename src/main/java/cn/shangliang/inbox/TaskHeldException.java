package cn.shangliang.inbox;

import cn.shangliang.system.ShownMessage;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

/** A claim of a task somebody else holds: Camunda's exception with a Chinese message naming the holder. */
public class TaskHeldException extends TaskAlreadyClaimedException implements ShownMessage {
  private final String message;

  public TaskHeldException(String taskId, String assignee, String assigneeName) {
    super(taskId, assignee);
    this.message = "该任务已由 " + assigneeName + " 认领";
  }

  @Override
  public String getMessage() {
    return message;
  }
}
