package cn.shangliang.consultation;

/**
 * {@code processes/consultation/SixStepConsultationProcess.bpmn}: one instance per matter, business key =
 * tracking code, the six steps 广泛征集知事 → 深入调查明事 → 多元参与议事 → 集体研究决事 → 分层分类办事 → 公示办理结果.
 */
public final class SixStepConsultationProcess {
  public static final String KEY = "SixStepConsultationProcess";
  public static final String TASK_TRIAGE = "BusinessRuleTask_Triage";
  public static final String TASK_ON_SITE_ANSWER = "UserTask_OnSiteAnswer";
  public static final String TASK_ASSIGN_INVESTIGATOR = "ServiceTask_AssignInvestigator";
  public static final String TASK_INVESTIGATE = "UserTask_Investigate";
  public static final String TASK_SCHEDULE_MEETING = "UserTask_ScheduleMeeting";
  public static final String TASK_NOTIFY_PARTICIPANTS = "ServiceTask_NotifyParticipants";
  public static final String TASK_RECORD_MEETING = "UserTask_RecordMeeting";
  public static final String TASK_DECIDE = "UserTask_Decide";
  public static final String TASK_ROUTE_HANDLING = "BusinessRuleTask_RouteHandling";
  public static final String TASK_HANDLING_ANSWER = "UserTask_HandlingAnswer";
  public static final String CALL_DEPARTMENT_REPLY = "CallActivity_DepartmentReply";
  public static final String CALL_PROPOSAL = "CallActivity_Proposal";
  public static final String CALL_PUBLICITY = "CallActivity_Publicity";
  public static final String END_RESULT_PUBLISHED = "EndEvent_ResultPublished";

  /** Process variables: references and the few words Tasklist shows on cards and forms. */
  public static final class Var {
    public static final String DEMAND_ID = "demandId";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String TITLE = "demandTitle";
    public static final String DESCRIPTION = "demandDescription";
    public static final String TOWNSHIP = "township";
    public static final String VILLAGE = "village";
    public static final String CATEGORY = "categoryLabel";
    public static final String COLLECTING_MEMBER = "collectingMember";
    public static final String ROUTE = "route";
    /** The winning rule's id: shown and recorded, never steered by (the models read the two facts below). */
    public static final String ROUTE_RULE = "routeRule";
    /** How the routed deadline runs ({@link cn.shangliang.routing.ClockKind}), as the rule data says. */
    public static final String CLOCK_KIND = "clockKind";
    /** Whether the matter is investigated before it is answered or handled (false: 特急, the department acts at once). */
    public static final String INVESTIGATE_FIRST = "investigateFirst";
    public static final String ROUTE_LABEL = "routeLabel";
    public static final String ROUTE_REASONS = "routeReasons";
    public static final String LEAD_DEPARTMENT = "leadDepartment";
    public static final String LEAD_GROUP = "leadGroup";
    public static final String CO_DEPARTMENTS = "coDepartments";
    public static final String DEADLINE = "routeDeadline";
    /** The moment the deadline was counted from (the routing), so a new calendar can count it again (#20). */
    public static final String DEADLINE_FROM = "routeDeadlineFrom";
    /** The id of the latest routing record, which the start hands back to intake as the demand's route. */
    public static final String ROUTING_RECORD_ID = "routingRecordId";
    public static final String INVESTIGATOR = "investigator";
    public static final String MEETING_ID = "meetingId";
    public static final String MEETING_SUMMARY = "meetingSummary";
    public static final String RESULT_TEXT = "resultText";
    /** Where 受理研判 sends the matter ({@link TriageOutcome}); the triage gateway reads only this. */
    public static final String TRIAGE_OUTCOME = "triageOutcome";
    /** The links of a 网络协商 round, shown to the convenor in the next form. */
    public static final String ONLINE_ROUND_LINKS = "onlineRoundLinks";
    /** Local to 安排议事会: the platforms the form offers. */
    public static final String PLATFORM_OPTIONS = "platformOptions";
    /** 1 for the first handling, 2 after a second handling started. */
    public static final String HANDLING_ROUND = "handlingRound";
    /** Whether the one second handling owed after 不满意 is used up. */
    public static final String SECOND_HANDLING_DONE = "secondHandlingDone";
    /** Why the publicity sent the matter back: {@code OBJECTION} or {@code UNSATISFIED} (PublicityProcess's out mapping). */
    public static final String SECOND_HANDLING_REASON = "secondHandlingReason";
    public static final String SECOND_HANDLING_REASON_TEXT = "secondHandlingReasonText";

    private Var() {}
  }

  /** Where 受理研判 sends the matter: answered on the spot, investigated first, or to the department at once (特急). */
  public enum TriageOutcome { ON_SITE, INVESTIGATE, DEPARTMENT_AT_ONCE }

  /** Forms show the demand's text; Camunda keeps string variables up to 4,000 characters, the API allows 5,000. */
  static final int DESCRIPTION_IN_FORMS = 1000;

  /** The demand's text for the forms: whole up to 1,000 characters, else the start and where the rest is. */
  public static String descriptionForForms(String description) {
    if (description == null || description.length() <= DESCRIPTION_IN_FORMS) return description;
    return description.substring(0, DESCRIPTION_IN_FORMS) + "……（全文见诉求档案）";
  }

  private SixStepConsultationProcess() {}
}
