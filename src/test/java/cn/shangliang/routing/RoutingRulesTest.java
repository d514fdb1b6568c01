package cn.shangliang.routing;

import static cn.shangliang.routing.Facts.demand;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.rules.RuleBase;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every row of the routing table (DOMAIN.md §4), its precedence and tie rules: facts in, decision and reasons out. */
@Tag("no-database")
class RoutingRulesTest {
  static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
  static RuleBase rules;

  @BeforeAll
  static void compileTheRealRules() {
    rules = RoutingRules.load(Path.of("rules"));
  }

  static RouteResult route(Facts facts) {
    return RoutingRules.route(rules, facts.build(), MONDAY);
  }

  static java.util.List<String> ruleIds(RouteResult result) {
    return result.reasons().stream().map(RouteResult.Reason::rule).toList();
  }

  @Test
  void standard_tenWorkingDays_leadByCategory() {
    RouteResult result = route(demand().category(Category.TRANSPORT));
    assertThat(result.route()).isEqualTo(Route.DEPARTMENT);
    assertThat(result.leadDepartment()).isEqualTo("transport");
    assertThat(result.coDepartments()).isEmpty();
    assertThat(result.deadline()).isEqualTo(OffsetDateTime.parse("2026-12-07T17:30:00+08:00"));
    assertThat(ruleIds(result)).containsExactly("STANDARD");
    assertThat(result.reasons().get(0).message()).contains("一般事项");
    assertThat(result.clockKind()).isEqualTo(ClockKind.WORKING_DAYS);
    assertThat(result.investigateFirst()).isTrue();
  }

  @Test
  void emergency_24CalendarHours() {
    RouteResult result = route(demand().urgency(Urgency.EMERGENCY).category(Category.WATER));
    assertThat(result.route()).isEqualTo(Route.DEPARTMENT);
    assertThat(result.leadDepartment()).isEqualTo("water");
    assertThat(result.deadline()).isEqualTo(MONDAY.plusHours(24));
    assertThat(ruleIds(result)).containsExactly("EMERGENCY");
    // what the processes steer by comes from the rule data (hours, actAtOnce), not from the id "EMERGENCY"
    assertThat(result.clockKind()).isEqualTo(ClockKind.CALENDAR_HOURS);
    assertThat(result.investigateFirst()).isFalse();
  }

  @Test
  void policyChange_becomesProposal_withoutDeadline() {
    RouteResult result = route(demand().needsPolicyChange());
    assertThat(result.route()).isEqualTo(Route.PROPOSAL);
    assertThat(result.deadline()).isNull();
    assertThat(ruleIds(result)).containsExactly("POLICY_CHANGE");
    assertThat(result.clockKind()).isNull();
    assertThat(result.investigateFirst()).isTrue();
  }

  @Test
  void wideScope_countyAndCrossRegion_becomeProposals() {
    assertThat(ruleIds(route(demand().scope(Scope.COUNTY)))).containsExactly("WIDE_SCOPE");
    assertThat(route(demand().scope(Scope.CROSS_REGION)).route()).isEqualTo(Route.PROPOSAL);
    assertThat(route(demand().scope(Scope.TOWNSHIP)).route()).isEqualTo(Route.DEPARTMENT);
  }

  @Test
  void highCost_aboveOneMillion_butNotExactlyOneMillion() {
    assertThat(ruleIds(route(demand().cost("1000000.01")))).containsExactly("HIGH_COST");
    assertThat(ruleIds(route(demand().cost("1000000")))).containsExactly("STANDARD");
    assertThat(ruleIds(route(demand()))).as("cost absent").containsExactly("STANDARD");
  }

  @Test
  void manyDepartments_threeOrMore() {
    assertThat(ruleIds(route(demand().departments(3)))).containsExactly("MANY_DEPARTMENTS");
    assertThat(route(demand().departments(5)).route()).isEqualTo(Route.PROPOSAL);
  }

  @Test
  void recurring_threeEarlierDemands() {
    assertThat(ruleIds(route(demand().repeatCount(3)))).containsExactly("RECURRING");
    assertThat(ruleIds(route(demand().repeatCount(2)))).containsExactly("STANDARD");
  }

  @Test
  void onSite_endOfTheSameDay_noDepartment() {
    RouteResult result = route(demand().answerableOnSite().scope(Scope.HOUSEHOLD));
    assertThat(result.route()).isEqualTo(Route.ON_SITE);
    assertThat(result.leadDepartment()).isNull();
    assertThat(result.deadline()).isEqualTo(OffsetDateTime.parse("2026-11-23T23:59:59+08:00"));
    assertThat(ruleIds(result)).containsExactly("ON_SITE");
    assertThat(result.clockKind()).isEqualTo(ClockKind.END_OF_DAY);
    assertThat(result.investigateFirst()).isFalse();
  }

  @Test
  void onSite_withScopeAboveVillage_doesNotHold() {
    assertThat(ruleIds(route(demand().answerableOnSite().scope(Scope.TOWNSHIP)))).containsExactly("STANDARD");
    assertThat(ruleIds(route(demand().answerableOnSite().scope(Scope.VILLAGE)))).containsExactly("ON_SITE");
  }

  @Test
  void urgent_threeWorkingDays() {
    RouteResult result = route(demand().urgency(Urgency.URGENT));
    assertThat(result.deadline()).isEqualTo(OffsetDateTime.parse("2026-11-26T17:30:00+08:00"));
    assertThat(ruleIds(result)).containsExactly("URGENT");
  }

  @Test
  void joint_fifteenWorkingDays_withTheGivenCoHandlers_elseTownship() {
    RouteResult given = route(demand().departments(2).coDepartments("water"));
    assertThat(given.route()).isEqualTo(Route.DEPARTMENT);
    assertThat(given.coDepartments()).containsExactly("water");
    assertThat(given.deadline()).isEqualTo(OffsetDateTime.parse("2026-12-14T17:30:00+08:00"));
    assertThat(route(demand().departments(2)).coDepartments()).containsExactly("township");
  }

  @Test
  void urgentAndJoint_leadAndCoHandler_theShorterDeadline() {
    RouteResult result = route(demand().urgency(Urgency.URGENT).departments(2).coDepartments("housing"));
    assertThat(result.route()).isEqualTo(Route.DEPARTMENT);
    assertThat(ruleIds(result)).containsExactly("URGENT", "JOINT");
    assertThat(result.coDepartments()).containsExactly("housing");
    assertThat(result.deadline()).isEqualTo(OffsetDateTime.parse("2026-11-26T17:30:00+08:00"));
  }

  @Test
  void emergencyWithProposalConditions_departmentFirst_reasonsKeepTheProposalConditions() {
    RouteResult result = route(demand().urgency(Urgency.EMERGENCY).needsPolicyChange().scope(Scope.COUNTY).cost("5000000"));
    assertThat(result.route()).isEqualTo(Route.DEPARTMENT);
    assertThat(result.deadline()).isEqualTo(MONDAY.plusHours(24));
    assertThat(ruleIds(result)).containsExactly("EMERGENCY", "POLICY_CHANGE", "WIDE_SCOPE", "HIGH_COST");
  }

  @Test
  void proposalConditionsBeatOnSite_andAllAreListedInTableOrder() {
    RouteResult result = route(demand().answerableOnSite().repeatCount(4).departments(3));
    assertThat(result.route()).isEqualTo(Route.PROPOSAL);
    assertThat(ruleIds(result)).containsExactly("MANY_DEPARTMENTS", "RECURRING", "ON_SITE");
  }

  @Test
  void onSiteBeatsUrgent_butUrgentIsAReason() {
    RouteResult result = route(demand().answerableOnSite().urgency(Urgency.URGENT));
    assertThat(result.route()).isEqualTo(Route.ON_SITE);
    assertThat(ruleIds(result)).containsExactly("ON_SITE", "URGENT");
  }

  @Test
  void everyCategoryHasItsLeadDepartment() {
    assertThat(route(demand().category(Category.CHILDCARE)).leadDepartment()).isEqualTo("health");
    assertThat(route(demand().category(Category.ELDERLY)).leadDepartment()).isEqualTo("civil-affairs");
    assertThat(route(demand().category(Category.SANITATION)).leadDepartment()).isEqualTo("urban-management");
    assertThat(route(demand().category(Category.EMPLOYMENT)).leadDepartment()).isEqualTo("human-resources");
    assertThat(route(demand().category(Category.POLICY)).leadDepartment()).isEqualTo("township");
    assertThat(route(demand().category(Category.OTHER)).leadDepartment()).isEqualTo("township");
    assertThat(route(demand().category(Category.PUBLIC_SAFETY)).leadDepartment()).isEqualTo("public-security");
  }

  @Test
  void aDeadlineCrossingNationalDay() {
    RouteResult result = RoutingRules.route(rules, demand().urgency(Urgency.URGENT).build(),
        OffsetDateTime.parse("2026-09-30T10:00:00+08:00"));
    assertThat(result.deadline()).isEqualTo(OffsetDateTime.parse("2026-10-10T17:30:00+08:00"));
  }
}
