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
  public static final String VAR_NOTICE_ID = "noticeId";
  public static final String VAR_PERIOD = "publicityPeriod";
  public static final String VAR_OUTCOME = "publicityOutcome";
  public static final String VAR_SECOND_HANDLING_REASON = "secondHandlingReason";

  /** What the publicity ends in. */
  public enum Outcome { CLOSED, SECOND_HANDLING, SUPERVISION }

  private PublicityProcess() {}
}
