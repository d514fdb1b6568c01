package cn.shangliang.routing;

import cn.shangliang.calendar.CalendarData;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleBaseLoader;
import cn.shangliang.rules.RuleData;
import cn.shangliang.system.DesignerFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.kie.api.runtime.StatelessKieSession;

/** The real rules/ folder compiled without Spring, for rule tests and benchmarks. */
public final class RoutingRules {
  private RoutingRules() {}

  public static List<RuleData<?>> dataKinds() {
    RoutingData data = new RoutingData();
    return List.of(new CalendarData(), data.departmentsData(), data.routingPolicyData());
  }

  public static RuleBase load(Path folder) {
    return new RuleBaseLoader(dataKinds(), Clock.systemUTC()).load(new DesignerFolder(folder, "rules"));
  }

  /** Routes with Drools exactly as DroolsRoutingEngine does. */
  public static RouteResult route(RuleBase base, RoutingFacts facts, OffsetDateTime at) {
    RoutingPolicy policy = base.data(RoutingPolicy.class);
    RoutingDecision decision = new RoutingDecision();
    StatelessKieSession session = base.kieBase("routing").newStatelessKieSession();
    session.execute(List.of(facts, policy, decision));
    return RouteCalculator.conclude(decision.held(), facts, policy, base.data(WorkingCalendar.class), at);
  }
}
