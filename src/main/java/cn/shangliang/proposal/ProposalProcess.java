package cn.shangliang.proposal;

/**
 * {@code processes/proposal/ProposalProcess.bpmn} (business key = tracking code of the originating matter):
 * draft → 立案审查 (register / merge / forward as 社情民意) → 交办 → on the reply clock: 沟通协商 → 答复 with
 * its class (co-units' opinions alongside) → 提案者评价 (15 days, default 满意) → 不满意: re-handling (1 month)
 * → conclusion; a class calling for follow-up starts {@link FollowUpReviewProcess}. Glue: {@link ProposalGlue}.
 */
public final class ProposalProcess {
  public static final String KEY = "ProposalProcess";
  public static final String TASK_DRAFT = "UserTask_DraftProposal";
  public static final String TASK_REGISTRATION_REVIEW = "UserTask_RegistrationReview";
  public static final String TASK_ASSIGN = "UserTask_AssignUnits";
  public static final String TASK_CONTACT = "UserTask_ContactProposer";
  public static final String TASK_REPLY = "UserTask_ProposalReply";
  public static final String TASK_CO_OPINION = "UserTask_CoUnitOpinion";
  public static final String TASK_EVALUATION = "UserTask_ProposerEvaluation";
  public static final String TASK_SUPERVISE = "UserTask_Supervise";
  public static final String TASK_KEY_SUPERVISION = "UserTask_KeySupervision";
  public static final String VAR_PROPOSAL_ID = Var.PROPOSAL_ID;

  /** Process variables the model and the glue share; read and written only through {@link ProposalVariables}. */
  public static final class Var {
    public static final String DEMAND_ID = "demandId";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String DEMAND_TITLE = "demandTitle";
    public static final String DEMAND_DESCRIPTION = "demandDescription";
    public static final String TOWNSHIP = "township";
    public static final String VILLAGE = "village";
    public static final String CATEGORY_LABEL = "categoryLabel";
    public static final String PROPOSAL_ID = "proposalId";
    public static final String PROPOSAL_NUMBER = "proposalNumber";
    public static final String PROPOSAL_TITLE = "proposalTitle";
    public static final String PROPOSAL_REASONS = "proposalReasons";
    public static final String PROPOSAL_SUGGESTIONS = "proposalSuggestions";
    /** The proposers' names, 、-separated: what forms show. */
    public static final String PROPOSERS = "proposers";
    /** The proposers' accounts, comma-separated: who may take the draft and the evaluation. */
    public static final String PROPOSER_IDS = "proposerIds";
    /** The draft form's pick list of proposers (a JSON array of accounts). */
    public static final String PROPOSER_PICKS = "proposerPicks";
    /** Task-local options of the proposer pick list: the members by name. */
    public static final String MEMBER_OPTIONS = "memberOptions";
    public static final String MERGE_TARGET_OPTIONS = "mergeTargetOptions";
    public static final String REGISTRATION_DECISION = "registrationDecision";
    public static final String REGISTRATION_COMMENT = "registrationComment";
    public static final String MERGE_INTO_NUMBER = "mergeIntoNumber";
    public static final String RESULT_TEXT = "resultText";
    public static final String LEAD_UNIT = "leadUnit";
    public static final String CO_UNITS = "coUnits";
    public static final String LEAD_DEPARTMENT = "leadDepartment";
    public static final String LEAD_GROUP = "leadGroup";
    public static final String LEAD_UNIT_NAME = "leadUnitName";
    public static final String CO_DEPARTMENTS = "coDepartments";
    public static final String UNIT_OPTIONS = "unitOptions";
    public static final String REPLY_CLASS_OPTIONS = "replyClassOptions";
    public static final String REPLY_DUE = "replyDueAt";
    /** What {@link #REPLY_DUE} was counted from and the period, for the reply clock to count again (issue #20). */
    public static final String REPLY_DUE_FROM = "replyDueFrom";
    public static final String REPLY_DUE_PERIOD = "replyDuePeriod";
    public static final String REPLY_DUE_TEXT = "replyDueText";
    public static final String CLOCK_LABEL = "clockLabel";
    public static final String REPLY_CLOCK_ID = "replyClockId";
    public static final String HANDLING_ROUND = "handlingRound";
    public static final String MAX_HANDLING_ROUNDS = "maxHandlingRounds";
    public static final String CONTACT_WAY = "contactWay";
    public static final String CONTACT_DATE = "contactDate";
    public static final String PROPOSER_VIEW = "proposerView";
    public static final String REPLY_ID = "proposalReplyId";
    public static final String REPLY_CLASS = "replyClass";
    public static final String REPLY_CLASS_LABEL = "replyClassLabel";
    public static final String REPLY_TEXT = "replyText";
    public static final String EVALUATION_DUE = "evaluationDueAt";
    public static final String EVALUATION_RESULT = "evaluationResult";
    public static final String EVALUATION_COMMENT = "evaluationComment";
    public static final String EVALUATION_DEFAULTED = "evaluationDefaulted";
    /** Gateway 评价结果？ reads it: {@link EvaluationOutcome}, decided by the policy. */
    public static final String EVALUATION_OUTCOME = "evaluationOutcome";
    /** Gateways 需要回头看？ and 仍需回头看？ read it: whether the concluded proposal waits for 回头看. */
    public static final String FOLLOW_UP_NEEDED = "followUpNeeded";
    public static final String FOLLOW_UP_AT = "followUpAt";

    private Var() {}
  }

  private ProposalProcess() {}
}
