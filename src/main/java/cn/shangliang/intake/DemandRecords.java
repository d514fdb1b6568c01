package cn.shangliang.intake;

import cn.shangliang.routing.Scope;
import cn.shangliang.system.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may change on a demand: its status with a line of history, the process it runs
 * in, and the facts the investigation established (the handling rules route on those).
 */
@Service
public class DemandRecords {
  private final DemandRepository demands;
  private final DemandEventRepository events;
  private final Clock clock;

  DemandRecords(DemandRepository demands, DemandEventRepository events, Clock clock) {
    this.demands = demands;
    this.events = events;
    this.clock = clock;
  }

  /** The investigated facts replace what was said at intake. */
  public record InvestigatedFacts(Scope scope, boolean answerableOnSite, boolean needsPolicyChange,
      BigDecimal estimatedCostYuan, int departmentsInvolved, int affectedPeople) {}

  @Transactional
  public void event(long demandId, String actor, String kind, String detail, DemandStatus newStatus) {
    Demand demand = demand(demandId);
    if (newStatus != null) demand.setStatus(newStatus);
    events.save(new DemandEvent(demandId, clock.instant(), actor, kind, detail));
  }

  @Transactional
  public void attachProcess(long demandId, String processInstanceId) {
    demand(demandId).setProcessInstanceId(processInstanceId);
  }

  @Transactional
  public void updateInvestigatedFacts(long demandId, InvestigatedFacts facts) {
    Demand demand = demand(demandId);
    demand.setScope(facts.scope());
    demand.setAnswerableOnSite(facts.answerableOnSite());
    demand.setNeedsPolicyChange(facts.needsPolicyChange());
    demand.setEstimatedCostYuan(facts.estimatedCostYuan());
    demand.setDepartmentsInvolved(facts.departmentsInvolved());
    demand.setAffectedPeople(facts.affectedPeople());
  }

  @Transactional(readOnly = true)
  public Demand demand(long demandId) {
    return demands.findById(demandId).orElseThrow(() -> new NotFoundException("demand " + demandId));
  }
}
