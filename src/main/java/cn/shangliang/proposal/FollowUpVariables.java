package cn.shangliang.proposal;

import cn.shangliang.forms.Vars;
import cn.shangliang.proposal.FollowUpReviewProcess.Var;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of a 回头看 round ({@link Var}); the proposal's own are {@link ProposalVariables}.
 * The one place their names are spelled, with the labels and limits of the form fields that submit them.
 */
final class FollowUpVariables {
  private FollowUpVariables() {}

  static long reviewId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.REVIEW_ID)).longValue();
  }

  static int reviewRound(VariableScope scope) {
    return ((Number) scope.getVariable(Var.REVIEW_ROUND)).intValue();
  }

  static String currentClass(VariableScope scope) {
    return (String) scope.getVariable(Var.CURRENT_CLASS);
  }

  /** A new round: what the last one decided is forgotten. */
  static void opened(VariableScope scope, ProposalRecords.Review review) {
    scope.setVariable(Var.REVIEW_ID, review.getId());
    scope.setVariable(Var.REVIEW_ROUND, review.round);
    scope.setVariable(Var.CURRENT_CLASS, review.classBefore);
    scope.removeVariable(Var.KEY_SUPERVISION);
    ProposalVariables.clearReplyId(scope);
  }

  static void selected(VariableScope scope, KeySupervisionSelection selection) {
    scope.setVariable(Var.KEY_SUPERVISION, selection.isSelected());
    scope.setVariable(Var.SELECTION_REASONS, selection.reasonText());
  }

  /**
   * The class the round stands at and whether it still calls for follow-up (gateway 仍需继续办理？). The class stays
   * written for the definitions deployed before {@code stillPending}, whose gateway still reads it.
   */
  static void classified(VariableScope scope, String currentClass, boolean stillPending) {
    scope.setVariable(Var.CURRENT_CLASS, currentClass);
    scope.setVariable(Var.STILL_PENDING, stillPending);
  }

  static void secondHandlingDue(VariableScope scope, Instant due) {
    scope.setVariable(Var.SECOND_HANDLING_DUE_AT, Date.from(due));
    scope.setVariable(Var.SECOND_HANDLING_DUE_TEXT, ProposalVariables.dueText(due));
  }

  static void secondHandled(VariableScope scope, String newClass, Long replyId) {
    scope.setVariable(Var.CURRENT_CLASS, newClass);
    ProposalVariables.replyId(scope, replyId);
  }

  // ---- what the forms submit ----

  static String proposedClass(DelegateTask task) {
    return Vars.text(task, Var.PROPOSED_CLASS, "建议类别", true, 10);
  }

  static String progressReport(DelegateTask task) {
    return Vars.text(task, Var.PROGRESS_REPORT, "办理进展", true, 5000);
  }

  static String inspectedClass(DelegateTask task) {
    return Vars.text(task, Var.INSPECTED_CLASS, "认定类别", true, 10);
  }

  static String inspectionFindings(DelegateTask task) {
    return Vars.text(task, Var.INSPECTION_FINDINGS, "督查情况", true, 5000);
  }

  static String causes(DelegateTask task) {
    return Vars.text(task, Var.CAUSES, "原因和存在问题", true, 5000);
  }

  static LocalDate secondHandlingDue(DelegateTask task) {
    return ProposalVariables.date(Vars.text(task, Var.SECOND_HANDLING_DUE, "二次办理期限", true, 40), "二次办理期限");
  }

  static String newClass(DelegateTask task) {
    return Vars.text(task, Var.NEW_CLASS, "办理后类别", true, 10);
  }

  static String handlingReport(DelegateTask task) {
    return Vars.text(task, Var.HANDLING_REPORT, "二次办理情况", true, 5000);
  }
}
