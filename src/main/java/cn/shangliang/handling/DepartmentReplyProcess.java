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

  public static final class Var {
    public static final String REPLY_DUE = "replyDueAt";
    /** The moment {@link #REPLY_DUE} was counted from, when known (issue #20). */
    public static final String REPLY_DUE_FROM = "replyDueFrom";
    /**
     * An ISO period ({@code P3M}) when {@link #REPLY_DUE} is that period after {@link #REPLY_DUE_FROM}, moved off a
     * non-working day (the proposal process starts the same clock this way); absent for a routed reply.
     */
    public static final String REPLY_DUE_PERIOD = "replyDuePeriod";
    public static final String REPLY_ID = "replyId";
    public static final String ACCEPTED = "replyAccepted";
    public static final String REVIEW_COMMENT = "reviewComment";

    private Var() {}
  }

  private DepartmentReplyProcess() {}
}
