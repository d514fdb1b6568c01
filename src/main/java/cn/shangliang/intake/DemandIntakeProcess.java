package cn.shangliang.intake;

/**
 * {@code processes/intake/DemandIntakeProcess.bpmn}: a demand is routed by the rules and handled by the
 * member on site, the lead department, or the proposal committee. Business key = tracking code.
 */
public final class DemandIntakeProcess {
  public static final String KEY = "DemandIntakeProcess";
  public static final String TASK_ROUTE = "BusinessRuleTask_RouteDemand";
  public static final String TASK_ON_SITE_ANSWER = "UserTask_OnSiteAnswer";
  public static final String TASK_DEPARTMENT_REPLY = "UserTask_DepartmentReply";
  public static final String TASK_PROPOSAL_REVIEW = "UserTask_ProposalReview";
  public static final String TASK_RECORD_RESULT = "ServiceTask_RecordResult";
  public static final String END_HANDLED = "EndEvent_Handled";

  /** Process variables: references and the few words Tasklist shows on cards and forms. */
  public static final class Var {
    public static final String DEMAND_ID = "demandId";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String TITLE = "demandTitle";
    public static final String DESCRIPTION = "demandDescription";
    public static final String TOWNSHIP = "township";
    public static final String VILLAGE = "village";
    public static final String CATEGORY = "categoryLabel";
    public static final String ROUTE = "route";
    public static final String ROUTE_LABEL = "routeLabel";
    public static final String ROUTE_REASONS = "routeReasons";
    public static final String LEAD_DEPARTMENT = "leadDepartment";
    public static final String LEAD_GROUP = "leadGroup";
    public static final String CO_DEPARTMENTS = "coDepartments";
    public static final String DEADLINE = "routeDeadline";
    public static final String RESULT_TEXT = "resultText";

    private Var() {}
  }

  private DemandIntakeProcess() {}
}
