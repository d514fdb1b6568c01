package cn.shangliang.proposal;

import cn.shangliang.proposal.ProposalProcess.Var;
import java.util.List;

/**
 * {@code processes/proposal/FollowUpReviewProcess.bpmn} (回头看, business key = tracking code): waits until
 * {@code followUpAt} (6 months after the reply), then 单位自查 → 重点督办遴选 (Drools) → 领导督查 for the
 * selected → 查原因 and 二次办理 while the class still calls for follow-up → 重新定类 → 提案者再评价; loops
 * to the next review until the proposal reaches a class that ends the follow-up.
 */
public final class FollowUpReviewProcess {
  public static final String KEY = "FollowUpReviewProcess";
  public static final String TIMER_FOLLOW_UP = "IntermediateCatchEvent_FollowUpDue";
  public static final String TASK_SELF_CHECK = "UserTask_SelfCheck";
  public static final String TASK_INSPECTION = "UserTask_Inspection";
  public static final String TASK_CAUSE_REVIEW = "UserTask_CauseReview";
  public static final String TASK_SECOND_HANDLING = "UserTask_SecondHandling";
  public static final String TASK_EVALUATION = "UserTask_ReEvaluation";
  public static final String REVIEW_ID = "followUpReviewId";

  /** What ProposalProcess hands over when it schedules the follow-up. */
  static final List<String> INPUTS = List.of(Var.PROPOSAL_ID, Var.PROPOSAL_NUMBER, Var.PROPOSAL_TITLE, Var.PROPOSER_IDS,
      Var.REPLY_CLASS, Var.REPLY_CLASS_OPTIONS, Var.FOLLOW_UP_AT, "demandId", "trackingCode", "demandTitle",
      "demandDescription", "township", "village", "categoryLabel", "leadDepartment", "leadGroup", "leadUnitName",
      "proposalReasons", "proposalSuggestions", "proposers", "replyText", "replyClassLabel");

  private FollowUpReviewProcess() {}
}
