package cn.shangliang.intake;

import cn.shangliang.system.NotFoundException;
import cn.shangliang.system.InvalidRequestException;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the result of handling a demand and closes it. */
@Service
class HandlingResults {
  private final DemandRepository demands;
  private final DemandEventRepository events;
  private final Clock clock;

  HandlingResults(DemandRepository demands, DemandEventRepository events, Clock clock) {
    this.demands = demands;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public void record(long demandId, String resultText, String actor) {
    Demand demand = demands.findById(demandId).orElseThrow(() -> new NotFoundException("demand " + demandId));
    demand.setStatus(DemandStatus.HANDLED);
    events.save(new DemandEvent(demandId, clock.instant(), actor, "HANDLED", resultText == null ? "已办结" : resultText));
  }
}
