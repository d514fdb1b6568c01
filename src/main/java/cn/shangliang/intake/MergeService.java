package cn.shangliang.intake;

import cn.shangliang.system.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 并单: a demand joins an existing matter. It keeps its own submitter and tracking code (and later its
 * own result notice and evaluation); its own process ends, the matter's process carries on.
 */
@Service
class MergeService {
  private final DemandQueries queries;
  private final DemandEventRepository events;
  private final RuntimeService runtimeService;
  private final Clock clock;

  @PersistenceContext private EntityManager entityManager;

  MergeService(DemandQueries queries, DemandEventRepository events, RuntimeService runtimeService, Clock clock) {
    this.queries = queries;
    this.events = events;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  @Transactional
  public Demand merge(String demandIdOrCode, String intoIdOrCode, String actor) {
    Demand demand = queries.find(demandIdOrCode);
    Demand target = queries.find(intoIdOrCode);
    if (demand.getId().equals(target.getId())) throw new ConflictException("不能并入自身");
    if (demand.getMergedIntoId() != null) throw new ConflictException(demand.getTrackingCode() + " 已并入其他事项");
    if (target.getMergedIntoId() != null) throw new ConflictException(target.getTrackingCode() + " 已并入其他事项，请并入主事项");
    if (target.getStatus() == DemandStatus.HANDLED) throw new ConflictException(target.getTrackingCode() + " 已办结，不能再并入");
    if (!queries.mergedInto(demand).isEmpty()) throw new ConflictException(demand.getTrackingCode() + " 已有并入的诉求，不能再并入其他事项");
    // the matter takes part too: a merge the other way at the same moment conflicts here instead of making a cycle
    entityManager.lock(target, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    demand.setMergedIntoId(target.getId());
    demand.setStatus(DemandStatus.MERGED);
    if (demand.getProcessInstanceId() != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(demand.getProcessInstanceId()).count() > 0) {
      runtimeService.deleteProcessInstance(demand.getProcessInstanceId(), "merged into " + target.getTrackingCode());
    }
    var now = clock.instant();
    events.save(new DemandEvent(demand.getId(), now, actor, "MERGED", "并入事项 " + target.getTrackingCode() + "：" + target.getTitle()));
    events.save(new DemandEvent(target.getId(), now, actor, "MERGE_RECEIVED", "并入诉求 " + demand.getTrackingCode() + "：" + demand.getTitle()));
    return demand;
  }
}
