package cn.shangliang.publicity;

/**
 * {@code processes/publicity/PublicityProcess.bpmn} (business key = tracking code): a notice of the result is
 * published for the publicity period (default 7 calendar days, {@code shangliang.publicity.period}); an
 * objection during the window goes to the liaison office (dismissed: the answer is published; upheld: the
 * notice is withdrawn and the matter handled again). After the window every submitter of the matter
 * (merged duplicates included) is asked for satisfaction for 15 days; 不满意 → second handling once, a
 * second 不满意 → a task for supervisors. No answer is recorded as no answer.
 */
public final class PublicityProcess {
  public static final String KEY = "PublicityProcess";
  public static final String TASK_PUBLISH = "ServiceTask_PublishNotice";
  public static final String TIMER_WINDOW = "IntermediateCatchEvent_PublicityWindow";
  public static final String TASK_REVIEW_OBJECTION = "UserTask_ReviewObjection";
  public static final String TASK_UNSATISFIED_SUPERVISION = "UserTask_UnsatisfiedSupervision";
  public static final String RECEIVE_EVALUATIONS = "ReceiveTask_AwaitEvaluations";
  public static final String MESSAGE_OBJECTION = "PublicityObjection";
  public static final String MESSAGE_EVALUATIONS_COMPLETE = "EvaluationsComplete";
  public static final String VAR_DEMAND_ID = "demandId";
  public static final String VAR_TRACKING_CODE = "trackingCode";
  public static final String VAR_ROUTE = "route";
  public static final String VAR_LEAD_DEPARTMENT = "leadDepartment";
  public static final String VAR_RESULT_TEXT = "resultText";
  /** 1 for the first handling's result, 2 for the second handling's. */
  public static final String VAR_HANDLING_ROUND = "handlingRound";
  /** Whether the one second handling owed after 不满意 is used up: a second 不满意 goes to supervision. */
  public static final String VAR_SECOND_HANDLING_DONE = "secondHandlingDone";
  public static final String VAR_NOTICE_ID = "noticeId";
  public static final String VAR_PERIOD = "publicityPeriod";
  public static final String VAR_OUTCOME = "publicityOutcome";
  public static final String VAR_SECOND_HANDLING_REASON = "secondHandlingReason";
  /** Set by the objection message on its own path (boundary event): the objection under review. */
  public static final String VAR_OBJECTION_ID = "objectionId";
  public static final String VAR_OBJECTION_REASON = "objectionReason";
  /** Local to the objection's path, so two objections in review at once do not see each other's decision. */
  public static final String VAR_OBJECTION_UPHELD = "objectionUpheld";
  /** When the last submitter's evaluation falls due: the evaluation window's timer. */
  public static final String VAR_EVALUATION_DUE_AT = "evaluationDueAt";

  /** What the publicity ends in. */
  public enum Outcome { CLOSED, SECOND_HANDLING, SUPERVISION }

  /** Why the matter is handled again ({@link #VAR_SECOND_HANDLING_REASON}). */
  public enum SecondHandlingReason { OBJECTION, UNSATISFIED }

  private PublicityProcess() {}
}
