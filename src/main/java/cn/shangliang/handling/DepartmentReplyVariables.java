package cn.shangliang.handling;

import cn.shangliang.forms.Vars;
import cn.shangliang.handling.DepartmentReplyProcess.Var;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** DepartmentReplyProcess's variables as its tasks read and write them, typed (names: {@link Var}). */
final class DepartmentReplyVariables extends MatterVariables {
  private final DelegateTask task;

  private DepartmentReplyVariables(DelegateTask task) {
    super(task);
    this.task = task;
  }

  static DepartmentReplyVariables of(DelegateTask task) {
    return new DepartmentReplyVariables(task);
  }

  /** The routed deadline; absent in instances started without one. */
  Instant replyDue() {
    Date due = (Date) scope.getVariable(Var.REPLY_DUE);
    return due == null ? null : due.toInstant();
  }

  String resultText() {
    return Vars.text(scope, Var.RESULT_TEXT, "答复意见", true, 2000);
  }

  long replyId() {
    return ((Number) scope.getVariable(Var.REPLY_ID)).longValue();
  }

  void replyId(long replyId) {
    scope.setVariable(Var.REPLY_ID, replyId);
  }

  ReviewResult reviewDecision() {
    return Vars.choice(scope, Var.REVIEW_DECISION, "审核意见", ReviewResult.class);
  }

  String reviewComment(boolean required) {
    return Vars.text(scope, Var.REVIEW_COMMENT, "审核说明", required, 2000);
  }

  boolean resolved() {
    return Vars.flag(scope, Var.RESOLVED);
  }

  /** The outcome the gateway 答复是否采纳？ reads. */
  void accepted(boolean accepted) {
    scope.setVariable(Var.ACCEPTED, accepted);
  }

  /** The department of this co-handler's opinion task: dept-water → water. */
  String coDepartment() {
    String group = (String) scope.getVariable(Var.CO_HANDLER_GROUP);
    return group.startsWith("dept-") ? group.substring(5) : group;
  }

  String coOpinion() {
    return Vars.text(scope, Var.CO_OPINION, "协办意见", true, 2000);
  }

  /** One more line in the opinions the lead department sees in its reply form (kept on the process instance). */
  void addCoOpinion(String line) {
    Object earlier = scope.getVariable(Var.CO_OPINIONS);
    task.getProcessEngineServices().getRuntimeService().setVariable(task.getProcessInstanceId(), Var.CO_OPINIONS,
        (earlier == null ? "" : earlier + "\n") + line);
  }
}
