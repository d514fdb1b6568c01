package cn.shangliang.consultation;

import cn.shangliang.consultation.SixStepConsultationProcess.TriageOutcome;
import cn.shangliang.intake.DemandRouting;
import cn.shangliang.intake.RoutingRecord;
import cn.shangliang.routing.Route;
import cn.shangliang.routing.RouteResult;
import org.springframework.stereotype.Service;

/**
 * The business-rule steps: 受理研判 at collection ({@code ${routeDemand}}) and 分层分类办事 on the
 * investigated facts ({@code ${routeHandling}}). Both route with the rules in force, record the decision
 * and decide where the process goes.
 */
@Service
class ConsultationRouting {
  private final DemandRouting routing;

  ConsultationRouting(DemandRouting routing) {
    this.routing = routing;
  }

  /** A routing: its record, what it says, and where 受理研判's gateway goes on it. */
  record Routed(RoutingRecord record, RouteResult result, TriageOutcome triage) {}

  Routed route(long demandId, RoutingRecord.Stage stage) {
    RoutingRecord record = routing.routeAndRecord(demandId, stage, "system");
    RouteResult route = record.toResult(routing.calendar());
    return new Routed(record, route, triage(route));
  }

  /** On the spot when the route says so; otherwise investigated first unless the rule's department acts at once. */
  static TriageOutcome triage(RouteResult route) {
    if (route.route() == Route.ON_SITE) return TriageOutcome.ON_SITE;
    return Boolean.TRUE.equals(route.investigateFirst()) ? TriageOutcome.INVESTIGATE : TriageOutcome.DEPARTMENT_AT_ONCE;
  }
}
