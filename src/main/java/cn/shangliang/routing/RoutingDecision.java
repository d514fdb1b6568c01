package cn.shangliang.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the rules that hold, in the order the rules fire (their precedence). Rule consequences
 * only call {@link #hold}; {@link RouteCalculator} turns what was collected into a route.
 */
public final class RoutingDecision {
  private final List<RuleHeld> held = Collections.synchronizedList(new ArrayList<>());

  /** Records that a rule holds and returns the fact to insert, so later rules can see it. */
  public RuleHeld hold(String rule, Route route, String message) {
    RuleHeld fact = new RuleHeld(rule, route, message);
    held.add(fact);
    return fact;
  }

  public List<RuleHeld> held() {
    return List.copyOf(held);
  }
}
