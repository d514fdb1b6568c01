package cn.shangliang.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.SixStepConsultationProcess.TriageOutcome;
import cn.shangliang.routing.Route;
import cn.shangliang.routing.RouteResult;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Where 受理研判's gateway sends a matter, decided from what the routing says (the model only compares). */
@Tag("no-database")
class ConsultationRoutingTest {

  static RouteResult routed(Route route, Boolean investigateFirst) {
    return new RouteResult(route, null, List.of(), null, false, List.of(), null, investigateFirst);
  }

  @Test
  void onSite_investigated_orToTheDepartmentAtOnce() {
    assertThat(ConsultationRouting.triage(routed(Route.ON_SITE, false))).isEqualTo(TriageOutcome.ON_SITE);
    assertThat(ConsultationRouting.triage(routed(Route.DEPARTMENT, true))).isEqualTo(TriageOutcome.INVESTIGATE);
    assertThat(ConsultationRouting.triage(routed(Route.PROPOSAL, true))).isEqualTo(TriageOutcome.INVESTIGATE);
    assertThat(ConsultationRouting.triage(routed(Route.DEPARTMENT, false))).isEqualTo(TriageOutcome.DEPARTMENT_AT_ONCE);
  }

  /** A decision recorded before investigateFirst existed: as the model's old condition read it (null is not true). */
  @Test
  void anOldDecisionWithoutInvestigateFirst_goesToTheDepartment() {
    assertThat(ConsultationRouting.triage(routed(Route.DEPARTMENT, null))).isEqualTo(TriageOutcome.DEPARTMENT_AT_ONCE);
  }
}
