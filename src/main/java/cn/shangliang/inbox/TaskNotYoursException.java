package cn.shangliang.inbox;

import cn.shangliang.system.ShownMessage;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * A user tried to work on, or hand on, a task that is not theirs to. An {@link AuthorizationException}, so
 * Camunda's REST APIs (/engine-rest and Tasklist's) answer 403 with its Chinese message as they stand.
 */
public class TaskNotYoursException extends AuthorizationException implements ShownMessage {
  public TaskNotYoursException(String message) {
    super(message);
  }
}
