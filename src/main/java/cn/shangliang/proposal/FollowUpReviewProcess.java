package cn.shangliang.proposal;

import java.util.List;

/**
 * {@code processes/proposal/FollowUpReviewProcess.bpmn} (回头看, business key = tracking code): waits until
 * {@code followUpAt} (6 months after the reply), then 单位自查 → 重点督办遴选 (Drools) → 领导督查 for the
 * selected → 查原因 and 二次办理 while the class still calls for follow-up → 重新定类 → 提案者再评价; loops
 * to the next review until the proposal reaches a class that ends the follow-up. Glue: {@link FollowUpReviewGlue}
 * (the evaluation and conclusion steps it shares with ProposalProcess are {@link ProposalGlue}'s).
 */
public final class FollowUpReviewProcess {
  public static final String KEY = "FollowUpReviewProcess";
  public static final String TIMER_FOLLOW_UP = "IntermediateCatchEvent_FollowUpDue";
  public static final String TASK_SELF_CHECK = "UserTask_SelfCheck";
  public static final String TASK_INSPECTION = "UserTask_Inspection";
  public static final String TASK_CAUSE_REVIEW = "UserTask_CauseReview";
  public static final String TASK_SECOND_HANDLING = "UserTask_SecondHandling";
  public static final String TASK_EVALUATION = "UserTask_ReEvaluation";
  public static final String REVIEW_ID = Var.REVIEW_ID;

  /** The variables of a review round (the proposal's own are {@link ProposalProcess.Var}); see {@link FollowUpVariables}. */
  public static final class Var {
    public static final String REVIEW_ID = "followUpReviewId";
    public static final String REVIEW_ROUND = "reviewRound";
    /** The class the round stands at: the unit's proposal, the leadership's finding, the class after 二次办理. */
    public static final String CURRENT_CLASS = "currentClass";
    public static final String PROPOSED_CLASS = "proposedClass";
    public static final String PROGRESS_REPORT = "progressReport";
    public static final String KEY_SUPERVISION = "keySupervision";
    public static final String SELECTION_REASONS = "selectionReasons";
    public static final String INSPECTED_CLASS = "inspectedClass";
    public static final String INSPECTION_FINDINGS = "inspectionFindings";
    /** Gateway 仍需继续办理？ reads it: whether the current class still calls for follow-up. */
    public static final String STILL_PENDING = "stillPending";
    public static final String CAUSES = "causes";
    public static final String SECOND_HANDLING_DUE = "secondHandlingDue";
    public static final String SECOND_HANDLING_DUE_AT = "secondHandlingDueAt";
    public static final String SECOND_HANDLING_DUE_TEXT = "secondHandlingDueText";
    public static final String NEW_CLASS = "newClass";
    public static final String HANDLING_REPORT = "handlingReport";

    private Var() {}
  }

  /** What ProposalProcess hands over when it schedules the follow-up. */
  static final List<String> INPUTS = List.of(ProposalProcess.Var.PROPOSAL_ID, ProposalProcess.Var.PROPOSAL_NUMBER,
      ProposalProcess.Var.PROPOSAL_TITLE, ProposalProcess.Var.PROPOSER_IDS, ProposalProcess.Var.REPLY_CLASS,
      ProposalProcess.Var.REPLY_CLASS_OPTIONS, ProposalProcess.Var.FOLLOW_UP_AT, ProposalProcess.Var.DEMAND_ID,
      ProposalProcess.Var.TRACKING_CODE, ProposalProcess.Var.DEMAND_TITLE, ProposalProcess.Var.DEMAND_DESCRIPTION,
      ProposalProcess.Var.TOWNSHIP, ProposalProcess.Var.VILLAGE, ProposalProcess.Var.CATEGORY_LABEL,
      ProposalProcess.Var.LEAD_DEPARTMENT, ProposalProcess.Var.LEAD_GROUP, ProposalProcess.Var.LEAD_UNIT_NAME,
      ProposalProcess.Var.PROPOSAL_REASONS, ProposalProcess.Var.PROPOSAL_SUGGESTIONS, ProposalProcess.Var.PROPOSERS,
      ProposalProcess.Var.REPLY_TEXT, ProposalProcess.Var.REPLY_CLASS_LABEL);

  private FollowUpReviewProcess() {}
}
