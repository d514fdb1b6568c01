package cn.shangliang.routing;

import cn.shangliang.calendar.WorkingCalendar;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * From the rules that hold (in precedence order) to a route (DOMAIN.md §4): the first rule's route
 * wins; a department route is joint when JOINT also holds and takes the shortest deadline of the
 * department rules that hold (URGENT + JOINT → 3 working days); every rule that holds is a reason.
 */
public final class RouteCalculator {
  private RouteCalculator() {}

  public static RouteResult conclude(List<RuleHeld> held, RoutingFacts facts, RoutingPolicy policy,
      WorkingCalendar calendar, OffsetDateTime at) {
    if (held.isEmpty()) {
      throw new IllegalStateException("no routing rule held for " + facts + ": the rules need a STANDARD rule");
    }
    Route route = held.get(0).route();
    List<RouteResult.Reason> reasons = held.stream().map(h -> new RouteResult.Reason(h.rule(), h.message())).toList();
    String lead = route == Route.ON_SITE ? null : policy.leadDepartmentOf(facts.getCategory());
    List<String> co = List.of();
    DeadlineRule clock = null;
    switch (route) {
      case ON_SITE -> clock = deadlineRule(held.get(0).rule(), policy);
      case DEPARTMENT -> {
        if (held.stream().anyMatch(h -> h.rule().equals("JOINT"))) co = policy.coDepartmentsFor(facts, lead);
        clock = held.stream()
            .filter(h -> h.route() == Route.DEPARTMENT && policy.deadlineOf(h.rule()) != null)
            .map(h -> policy.deadlineOf(h.rule()))
            .min(Comparator.comparing(rule -> rule.from(at, calendar)))
            .orElseThrow(() -> new IllegalStateException("no deadline in routing-policy.yaml for " + held.get(0).rule()));
      }
      case PROPOSAL -> clock = null;
    }
    OffsetDateTime deadline = clock == null ? null : clock.from(at, calendar);
    DeadlineRule winning = policy.deadlineOf(held.get(0).rule());
    boolean investigateFirst = route != Route.ON_SITE && (winning == null || !winning.acting());
    return new RouteResult(route, lead, co, deadline, calendar.isProvisional(deadline), reasons,
        clock == null ? null : ClockKind.of(clock), investigateFirst);
  }

  private static DeadlineRule deadlineRule(String rule, RoutingPolicy policy) {
    DeadlineRule deadline = policy.deadlineOf(rule);
    if (deadline == null) throw new IllegalStateException("no deadline in routing-policy.yaml for rule " + rule);
    return deadline;
  }
}
