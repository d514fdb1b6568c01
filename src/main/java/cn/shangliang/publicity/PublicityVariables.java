package cn.shangliang.publicity;

import cn.shangliang.publicity.PublicityProcess.Outcome;
import cn.shangliang.publicity.PublicityProcess.SecondHandlingReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The publicity model's process variables, typed: the only code in this package that names them (the constants in
 * {@link PublicityProcess}); the glue and the services read and write through these.
 */
final class PublicityVariables {
  private PublicityVariables() {}

  static long demandId(VariableScope scope) {
    return ((Number) scope.getVariable(PublicityProcess.VAR_DEMAND_ID)).longValue();
  }

  static String trackingCode(VariableScope scope) {
    return (String) scope.getVariable(PublicityProcess.VAR_TRACKING_CODE);
  }

  /** The route's name as the caller passed it ({@code null} when the caller had none). */
  static String route(VariableScope scope) {
    return (String) scope.getVariable(PublicityProcess.VAR_ROUTE);
  }

  static String leadDepartment(VariableScope scope) {
    return (String) scope.getVariable(PublicityProcess.VAR_LEAD_DEPARTMENT);
  }

  static String resultText(VariableScope scope) {
    return (String) scope.getVariable(PublicityProcess.VAR_RESULT_TEXT);
  }

  static int handlingRound(VariableScope scope) {
    Object round = scope.getVariable(PublicityProcess.VAR_HANDLING_ROUND);
    return round == null ? 1 : ((Number) round).intValue();
  }

  static boolean secondHandlingDone(VariableScope scope) {
    return Boolean.TRUE.equals(scope.getVariable(PublicityProcess.VAR_SECOND_HANDLING_DONE));
  }

  static long noticeId(VariableScope scope) {
    return ((Number) scope.getVariable(PublicityProcess.VAR_NOTICE_ID)).longValue();
  }

  /** The notice on the board and how long it stays there (the window's timer). */
  static void setNotice(VariableScope scope, long noticeId, Duration period) {
    scope.setVariable(PublicityProcess.VAR_NOTICE_ID, noticeId);
    scope.setVariable(PublicityProcess.VAR_PERIOD, period.toString());
  }

  /** What the objection message hands to the path it starts. */
  static Map<String, Object> objection(long objectionId, String maskedReason) {
    return Map.of(PublicityProcess.VAR_OBJECTION_ID, objectionId, PublicityProcess.VAR_OBJECTION_REASON, maskedReason);
  }

  static long objectionId(VariableScope scope) {
    return ((Number) scope.getVariable(PublicityProcess.VAR_OBJECTION_ID)).longValue();
  }

  static void setObjectionUpheld(DelegateTask task, boolean upheld) {
    task.getExecution().setVariableLocal(PublicityProcess.VAR_OBJECTION_UPHELD, upheld);
  }

  /** An upheld objection ends the whole publicity (from the objection's path) in a second handling. */
  static void setWithdrawn(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(PublicityProcess.VAR_OUTCOME, Outcome.SECOND_HANDLING.name());
    execution.getProcessInstance().setVariable(PublicityProcess.VAR_SECOND_HANDLING_REASON, SecondHandlingReason.OBJECTION.name());
  }

  static void setEvaluationDueAt(VariableScope scope, Instant due) {
    scope.setVariable(PublicityProcess.VAR_EVALUATION_DUE_AT, Date.from(due));
  }

  /** What the evaluations conclude; a second handling after them is for 不满意. */
  static void setConcluded(VariableScope scope, Outcome outcome) {
    scope.setVariable(PublicityProcess.VAR_OUTCOME, outcome.name());
    if (outcome == Outcome.SECOND_HANDLING) {
      scope.setVariable(PublicityProcess.VAR_SECOND_HANDLING_REASON, SecondHandlingReason.UNSATISFIED.name());
    }
  }

  /** 不满意督办 done: the publicity ends closed. */
  static void setSupervised(VariableScope scope) {
    scope.setVariable(PublicityProcess.VAR_OUTCOME, Outcome.CLOSED.name());
  }
}
