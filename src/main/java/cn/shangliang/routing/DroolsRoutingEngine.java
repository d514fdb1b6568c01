package cn.shangliang.routing;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RulesService;
import java.time.OffsetDateTime;
import java.util.List;
import org.kie.api.runtime.StatelessKieSession;
import org.springframework.stereotype.Service;

/**
 * The routing rules of {@code rules/routing/*.drl}, evaluated statelessly on the rule base in force:
 * no compilation per request, thread-safe (a stateless session per evaluation, shared immutable KieBase).
 */
@Service
public class DroolsRoutingEngine implements RoutingEngine {
  static final String RULES_FOLDER = "routing";

  private final RulesService rules;

  public DroolsRoutingEngine(RulesService rules) {
    this.rules = rules;
  }

  @Override
  public RouteResult route(RoutingFacts facts, OffsetDateTime at) {
    RuleBase base = rules.current();
    RoutingPolicy policy = base.data(RoutingPolicy.class);
    RoutingDecision decision = new RoutingDecision();
    StatelessKieSession session = base.kieBase(RULES_FOLDER).newStatelessKieSession();
    session.execute(List.of(facts, policy, decision));
    return RouteCalculator.conclude(decision.held(), facts, policy, base.data(WorkingCalendar.class), at);
  }

  @Override
  public String rulesVersion() {
    return rules.current().checksum();
  }
}
