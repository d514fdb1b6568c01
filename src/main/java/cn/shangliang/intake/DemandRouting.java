package cn.shangliang.intake;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.organisation.Departments;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Route;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.routing.RoutingEngine;
import cn.shangliang.routing.RoutingFacts;
import cn.shangliang.routing.RoutingPolicy;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Routes stored demands with the rules in force and records the decision and its reasons. */
@Service
public class DemandRouting {
  private final DemandRepository demands;
  private final RoutingRecordRepository records;
  private final DemandEventRepository events;
  private final RoutingEngine engine;
  private final RulesService rules;
  private final Clock clock;

  DemandRouting(DemandRepository demands, RoutingRecordRepository records, DemandEventRepository events,
      RoutingEngine engine, RulesService rules, Clock clock) {
    this.demands = demands;
    this.records = records;
    this.events = events;
    this.engine = engine;
    this.rules = rules;
    this.clock = clock;
  }

  /** The working calendar in force, to show recorded decisions with. */
  public WorkingCalendar calendar() {
    return rules.current().data(WorkingCalendar.class);
  }

  /** A recorded routing decision by its id. */
  public RoutingRecord record(long id) {
    return records.findById(id).orElseThrow(() -> new NotFoundException("routing record " + id));
  }

  @Transactional
  public RoutingRecord routeAndRecord(long demandId, RoutingRecord.Stage stage, String actor) {
    Demand demand = demands.findById(demandId).orElseThrow(() -> new NotFoundException("demand " + demandId));
    Instant now = clock.instant();
    int repeatCount = repeatCount(demand.getTownship(), demand.getVillage(), demand.getCategory(), demand.getCreatedAt(),
        demand.getId());
    RoutingFacts facts = facts(demand, repeatCount);
    RouteResult result = engine.route(facts, now.atZone(ChinaTime.ZONE).toOffsetDateTime());
    RoutingRecord record = records.save(new RoutingRecord(demandId, stage, result, now, repeatCount, engine.rulesVersion()));
    demand.setStatus(statusAfter(stage, result));
    events.save(new DemandEvent(demandId, now, actor, "ROUTED", describe(result)));
    return record;
  }

  /**
   * What the rules in force decide for a stored demand, with the investigated facts in place of the recorded ones when
   * given: the investigation form's check whether a correction changes the route. Writes nothing.
   */
  @Transactional(readOnly = true)
  public RouteResult preview(long demandId, DemandRecords.InvestigatedFacts corrected) {
    Demand d = demands.findById(demandId).orElseThrow(() -> new NotFoundException("demand " + demandId));
    int repeatCount = repeatCount(d.getTownship(), d.getVillage(), d.getCategory(), d.getCreatedAt(), d.getId());
    RoutingFacts facts = corrected == null ? facts(d, repeatCount) : new RoutingFacts(d.getCategory(), corrected.scope(),
        d.getUrgency(), corrected.answerableOnSite(), corrected.needsPolicyChange(), corrected.estimatedCostYuan(),
        corrected.departmentsInvolved(), d.coDepartmentList(), corrected.affectedPeople(), repeatCount);
    return engine.route(facts, clock.instant().atZone(ChinaTime.ZONE).toOffsetDateTime());
  }

  /**
   * At collection only an on-site answer or a rule whose department acts at once (特急) is handled at once; everything else is
   * investigated first. At the handling step the route decides.
   */
  static DemandStatus statusAfter(RoutingRecord.Stage stage, RouteResult result) {
    if (result.route() == Route.ON_SITE) return DemandStatus.ON_SITE_ANSWERING;
    if (stage == RoutingRecord.Stage.TRIAGE && !Boolean.FALSE.equals(result.investigateFirst())) return DemandStatus.INVESTIGATING;
    return result.route() == Route.DEPARTMENT ? DemandStatus.DEPARTMENT_HANDLING : DemandStatus.PROPOSAL_REVIEW;
  }

  /** Earlier demands of the same category from the same village within the policy's window up to {@code at}. */
  public int repeatCount(String township, String village, Category category, Instant at,
      long excludeDemandId) {
    int windowDays = rules.current().data(RoutingPolicy.class).getRepeatWindowDays();
    long count = demands.countSamePlaceAndCategory(township, village, category, at.minus(Duration.ofDays(windowDays)), at,
        excludeDemandId);
    return (int) Math.min(count, Integer.MAX_VALUE);
  }

  static RoutingFacts facts(Demand d, int repeatCount) {
    return new RoutingFacts(d.getCategory(), d.getScope(), d.getUrgency(), d.isAnswerableOnSite(), d.isNeedsPolicyChange(),
        d.getEstimatedCostYuan(), d.getDepartmentsInvolved(), d.coDepartmentList(), d.getAffectedPeople(), repeatCount);
  }

  private String describe(RouteResult result) {
    Departments departments = rules.current().data(Departments.class);
    StringBuilder text = new StringBuilder("分流为「").append(result.route().label()).append("」");
    if (result.leadDepartment() != null) {
      text.append("，牵头单位：").append(departments.name(result.leadDepartment()).orElse(result.leadDepartment()));
    }
    if (!result.coDepartments().isEmpty()) {
      text.append("，协办单位：").append(result.coDepartments().stream()
          .map(c -> departments.name(c).orElse(c)).collect(Collectors.joining("、")));
    }
    OffsetDateTime deadline = result.deadline();
    if (deadline != null) {
      text.append("，办理时限：").append(ChinaTime.text(deadline));
      if (result.provisional()) text.append(WorkingCalendar.PROVISIONAL_NOTE);
    }
    text.append("。理由：").append(result.reasons().stream().map(RouteResult.Reason::message).collect(Collectors.joining("；")));
    return text.toString();
  }
}
