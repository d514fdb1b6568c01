package cn.shangliang.handling;

/**
 * {@code processes/handling/DepartmentReplyProcess.bpmn}: the lead department replies by the routed
 * deadline ({@code replyDueAt}), the liaison office accepts the reply or returns it; a returned reply
 * is due by the same deadline (the clock keeps running). Business key = tracking code.
 */
public final class DepartmentReplyProcess {
  public static final String KEY = "DepartmentReplyProcess";
  public static final String TASK_REPLY = "UserTask_DepartmentReply";
  public static final String TASK_REVIEW = "UserTask_ReviewReply";
  public static final String TASK_CO_OPINION = "UserTask_CoHandlerOpinion";

  public static final class Var {
    public static final String REPLY_DUE = "replyDueAt";
    /** The moment {@link #REPLY_DUE} was counted from, when known (issue #20). */
    public static final String REPLY_DUE_FROM = "replyDueFrom";
    /**
     * An ISO period ({@code P3M}) when {@link #REPLY_DUE} is that period after {@link #REPLY_DUE_FROM}, moved off a
     * non-working day (the proposal process starts the same clock this way); absent for a routed reply.
     */
    public static final String REPLY_DUE_PERIOD = "replyDuePeriod";
    public static final String DEMAND_ID = "demandId";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String DEMAND_TITLE = "demandTitle";
    public static final String LEAD_DEPARTMENT = "leadDepartment";
    public static final String LEAD_GROUP = "leadGroup";
    /** The co-handling departments ("water,township"), one opinion task each ({@code ${coHandlers.groups(coDepartments)}}). */
    public static final String CO_DEPARTMENTS = "coDepartments";
    /** The group of one co-handler's opinion task (the multi-instance element variable). */
    public static final String CO_HANDLER_GROUP = "coHandlerGroup";
    public static final String CO_OPINION = "coOpinion";
    /** The opinions given so far, one line each, shown in the lead department's reply form. */
    public static final String CO_OPINIONS = "coOpinions";
    public static final String RESULT_TEXT = "resultText";
    public static final String REPLY_ID = "replyId";
    public static final String REVIEW_DECISION = "reviewDecision";
    /** The review's outcome, read by the gateway 答复是否采纳？. */
    public static final String ACCEPTED = "replyAccepted";
    public static final String REVIEW_COMMENT = "reviewComment";
    /** Whether the matter was resolved, ticked in the review (the clock's resolution rate). */
    public static final String RESOLVED = "resolved";

    private Var() {}
  }

  private DepartmentReplyProcess() {}
}
