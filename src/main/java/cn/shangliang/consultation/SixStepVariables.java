package cn.shangliang.consultation;

import cn.shangliang.consultation.SixStepConsultationProcess.Var;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.RoutingRecord;
import cn.shangliang.organisation.Departments;
import cn.shangliang.routing.Route;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.system.ChinaTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The six-step model's process variables, typed: the only code in this package that names them ({@link Var}); the glue
 * and the services read and write through these.
 */
final class SixStepVariables {
  private SixStepVariables() {}

  static long demandId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.DEMAND_ID)).longValue();
  }

  /** Whether the instance already carries its demand (started by the API, not by the start form). */
  static boolean hasDemand(VariableScope scope) {
    return scope.getVariable(Var.DEMAND_ID) != null;
  }

  /** The demand of any process of a matter, if it has one (MatterLifecycle listens to every process). */
  static Long demandIdIfAny(VariableScope scope) {
    return scope.getVariable(Var.DEMAND_ID) instanceof Number id ? id.longValue() : null;
  }

  static String trackingCode(VariableScope scope) {
    return (String) scope.getVariable(Var.TRACKING_CODE);
  }

  static String title(VariableScope scope) {
    return (String) scope.getVariable(Var.TITLE);
  }

  static String township(VariableScope scope) {
    return (String) scope.getVariable(Var.TOWNSHIP);
  }

  static String village(VariableScope scope) {
    return (String) scope.getVariable(Var.VILLAGE);
  }

  static Route route(VariableScope scope) {
    Object route = scope.getVariable(Var.ROUTE);
    return route == null ? null : Route.valueOf((String) route);
  }

  static String routeRule(VariableScope scope) {
    return (String) scope.getVariable(Var.ROUTE_RULE);
  }

  static String leadGroup(VariableScope scope) {
    return (String) scope.getVariable(Var.LEAD_GROUP);
  }

  /** What a matter's process starts with: the demand's references and the words the forms show. */
  static VariableMap ofDemand(Demand demand) {
    return Variables.createVariables()
        .putValue(Var.DEMAND_ID, demand.getId())
        .putValue(Var.TRACKING_CODE, demand.getTrackingCode())
        .putValue(Var.TITLE, demand.getTitle())
        .putValue(Var.DESCRIPTION, SixStepConsultationProcess.descriptionForForms(demand.getDescription()))
        .putValue(Var.TOWNSHIP, demand.getTownship())
        .putValue(Var.VILLAGE, demand.getVillage())
        .putValue(Var.CATEGORY, demand.getCategory().label())
        .putValue(Var.COLLECTING_MEMBER, demand.getCollectingMember());
  }

  static void setDemand(VariableScope scope, Demand demand) {
    scope.setVariables(ofDemand(demand));
  }

  /** The routing record the start left (受理研判 runs within the start), if it did. */
  static Long routingRecordId(Map<String, Object> variables) {
    return variables.get(Var.ROUTING_RECORD_ID) instanceof Number id ? id.longValue() : null;
  }

  /** What a routing hands the model: where to go, for whom, by when, and why. */
  static void setRouting(VariableScope scope, ConsultationRouting.Routed routed) {
    RoutingRecord record = routed.record();
    RouteResult route = routed.result();
    scope.setVariable(Var.ROUTING_RECORD_ID, record.getId());
    scope.setVariable(Var.ROUTE, route.route().name());
    scope.setVariable(Var.ROUTE_RULE, route.winningRule());
    scope.setVariable(Var.CLOCK_KIND, route.clockKind() == null ? null : route.clockKind().name());
    scope.setVariable(Var.INVESTIGATE_FIRST, route.investigateFirst());
    scope.setVariable(Var.TRIAGE_OUTCOME, routed.triage().name());
    scope.setVariable(Var.ROUTE_LABEL, route.route().label());
    scope.setVariable(Var.ROUTE_REASONS, route.reasons().stream().map(RouteResult.Reason::message).collect(Collectors.joining("；")));
    scope.setVariable(Var.LEAD_DEPARTMENT, route.leadDepartment());
    scope.setVariable(Var.LEAD_GROUP, route.leadDepartment() == null ? null : Departments.groupOf(route.leadDepartment()));
    scope.setVariable(Var.CO_DEPARTMENTS, String.join(",", route.coDepartments()));
    scope.setVariable(Var.DEADLINE, route.deadline() == null ? null : Date.from(route.deadline().toInstant()));
    scope.setVariable(Var.DEADLINE_FROM, Date.from(record.getEvaluatedAt()));
  }

  static void setInvestigator(VariableScope scope, String member) {
    scope.setVariable(Var.INVESTIGATOR, member);
  }

  static void setPlatformOptions(VariableScope scope, SpinJsonNode options) {
    scope.setVariableLocal(Var.PLATFORM_OPTIONS, options);
  }

  static long meetingId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.MEETING_ID)).longValue();
  }

  static void setMeeting(VariableScope scope, Meetings.Scheduled scheduled) {
    scope.setVariable(Var.MEETING_ID, scheduled.meeting().getId());
    scope.setVariable(Var.MEETING_SUMMARY, ConsultationRecords.summary(scheduled.meeting()));
    scope.setVariable(Var.ONLINE_ROUND_LINKS, scheduled.onlineRoundLinks());
  }

  static int handlingRound(VariableScope scope) {
    Object round = scope.getVariable(Var.HANDLING_ROUND);
    return round == null ? 1 : ((Number) round).intValue();
  }

  static String secondHandlingReason(VariableScope scope) {
    return (String) scope.getVariable(Var.SECOND_HANDLING_REASON);
  }

  static void setSecondHandling(VariableScope scope, SecondHandling.Started started) {
    scope.setVariable(Var.HANDLING_ROUND, started.round());
    if (started.usesUpSecondHandling()) scope.setVariable(Var.SECOND_HANDLING_DONE, true);
    scope.setVariable(Var.DEADLINE, started.deadline());
    scope.setVariable(Var.SECOND_HANDLING_REASON_TEXT, started.why());
  }
  /** How many action-item rows 集体研究决事 offers and how many invitee rows 安排议事会 offers. */
  static final int ACTION_ITEM_ROWS = 6;
  static final int INVITEE_ROWS = 10;

  /**
   * 落实事项 as FormPicks reads it: the form's fixed rows (actionItem1Description, actionItem1Owner, actionItem1Due …)
   * as a list of {description, owner, dueDate} in row order, empty rows kept so a message can name the row; when no
   * row field was sent, the old actionItems value (text or JSON rows) that API clients may still send.
   */
  static Object actionItems(VariableScope scope) {
    return rows(scope, "actionItems", "actionItem", ACTION_ITEM_ROWS,
        Map.of("description", "Description", "owner", "Owner", "dueDate", "Due"));
  }

  /** 网络协商邀请名单 likewise: rows invitee1Name / invitee1Kind … as {name, kind}, or the old onlineInvitees value. */
  static Object onlineInvitees(VariableScope scope) {
    return rows(scope, "onlineInvitees", "invitee", INVITEE_ROWS, Map.of("name", "Name", "kind", "Kind"));
  }

  private static Object rows(VariableScope scope, String oldName, String prefix, int count, Map<String, String> parts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean sent = false;
    for (int n = 1; n <= count; n++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (Map.Entry<String, String> part : parts.entrySet()) {
        Object value = scope.getVariable(prefix + n + part.getValue());
        if (value != null) {
          row.put(part.getKey(), value instanceof Date date ? date.toInstant().atZone(ChinaTime.ZONE).toLocalDate().toString() : value.toString());
          sent = true;
        }
      }
      rows.add(row);
    }
    return sent ? rows : scope.getVariable(oldName);
  }
}
