package cn.shangliang.routing;

import cn.shangliang.calendar.WorkingCalendar;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing table of DOMAIN.md §4 in plain Java, reading the same policy data: the yardstick the
 * Drools rules are measured against, and a cross-check that both say the same thing.
 */
public final class PlainJavaRouting {
  private final RoutingPolicy policy;
  private final WorkingCalendar calendar;

  public PlainJavaRouting(RoutingPolicy policy, WorkingCalendar calendar) {
    this.policy = policy;
    this.calendar = calendar;
  }

  public RouteResult route(RoutingFacts f, OffsetDateTime at) {
    List<RuleHeld> held = new ArrayList<>(4);
    if (f.getUrgency() == Urgency.EMERGENCY) held.add(new RuleHeld("EMERGENCY", Route.DEPARTMENT, ""));
    if (f.isNeedsPolicyChange()) held.add(new RuleHeld("POLICY_CHANGE", Route.PROPOSAL, ""));
    if (policy.getProposalScopes().contains(f.getScope())) held.add(new RuleHeld("WIDE_SCOPE", Route.PROPOSAL, ""));
    if (f.getEstimatedCostYuan() != null && f.getEstimatedCostYuan().compareTo(policy.getHighCostYuan()) > 0) {
      held.add(new RuleHeld("HIGH_COST", Route.PROPOSAL, ""));
    }
    if (f.getDepartmentsInvolved() >= policy.getManyDepartments()) held.add(new RuleHeld("MANY_DEPARTMENTS", Route.PROPOSAL, ""));
    if (f.getRepeatCount() >= policy.getRecurringCount()) held.add(new RuleHeld("RECURRING", Route.PROPOSAL, ""));
    if (f.isAnswerableOnSite() && f.getScope().isAtMost(policy.getOnSiteMaxScope())) held.add(new RuleHeld("ON_SITE", Route.ON_SITE, ""));
    if (f.getUrgency() == Urgency.URGENT) held.add(new RuleHeld("URGENT", Route.DEPARTMENT, ""));
    if (f.getDepartmentsInvolved() == policy.getJointDepartments()) held.add(new RuleHeld("JOINT", Route.DEPARTMENT, ""));
    if (held.isEmpty()) held.add(new RuleHeld("STANDARD", Route.DEPARTMENT, ""));
    return RouteCalculator.conclude(held, f, policy, calendar, at);
  }
}
