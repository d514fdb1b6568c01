package cn.shangliang.handling;

/**
 * {@code processes/handling/ReplyClockProcess.bpmn}: the reply clock, defined once and called (same business key, a copy
 * of the caller's variables) by DepartmentReplyProcess and ProposalProcess alongside the reply work, which ends it when
 * the reply is given. The caller starts the clock ({@code ${startReplyClock}}) so that it keeps the clock's id: the
 * reply and its review act on the clock, and a returned reply goes on with the same clock.
 */
public final class ReplyClockProcess {
  public static final String KEY = "ReplyClockProcess";
  /** The call activity of both callers. */
  public static final String CALL = "CallActivity_ReplyClock";
  public static final String TIMER_REMINDER = "IntermediateCatchEvent_ReplyReminder";
  public static final String TIMER_OVERDUE = "IntermediateCatchEvent_ReplyOverdue";
  public static final String TIMER_SUPERVISION_LAPSED = "IntermediateCatchEvent_SupervisionLapsed";
  public static final String TASK_SUPERVISE = "UserTask_Supervise";
  public static final String TASK_KEY_SUPERVISION = "UserTask_KeySupervision";

  /** The clock's variables, written by {@code ${startReplyClock}} in the caller and copied into the clock process. */
  public static final class Var {
    public static final String CLOCK_ID = "replyClockId";
    public static final String REPLY_DUE = DepartmentReplyProcess.Var.REPLY_DUE;
    public static final String REMINDER = "reminderAt";
    public static final String SUPERVISION_DUE = "supervisionDueAt";
    public static final String KEY_SUPERVISION_DUE = "keySupervisionDueAt";
    /** When the co-handlers' opinions are due (the caller's co-handler tasks), counted with the clock. */
    public static final String CO_OPINION_DUE = "coOpinionDueAt";
    /** The routed clock's kind, passed in by the consultation process; absent for proposals (working time). */
    public static final String CLOCK_KIND = "clockKind";
    /** The routing rule's id: instances started before the route carried its clock kind know only this. */
    public static final String ROUTE_RULE = "routeRule";
    /** What the clock times, in breaches and history (提案答复); absent: 部门答复. */
    public static final String CLOCK_LABEL = "clockLabel";
    public static final String SUPERVISION_ACTION = "supervisionAction";
    public static final String SUPERVISION_NOTE = "supervisionNote";

    private Var() {}
  }

  private ReplyClockProcess() {}
}
