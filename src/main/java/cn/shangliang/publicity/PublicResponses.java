package cn.shangliang.publicity;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.organisation.People;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.privacy.Masking;
import cn.shangliang.sla.SatisfactionRatings;
import cn.shangliang.system.ConflictException;
import cn.shangliang.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public says back: objections to a notice while it is on the board, and the satisfaction
 * evaluation each submitter owes after it. Both reach the matter's PublicityProcess as messages, in the
 * same transaction as the record (a message nobody waits for refuses the request with 409 and writes nothing).
 */
@Service
public class PublicResponses implements SatisfactionRatings {
  static final Duration EVALUATION_WINDOW = Duration.ofDays(15);

  private final PublicityNoticeRepository notices;
  private final ObjectionRepository objections;
  private final SatisfactionEvaluationRepository evaluations;
  private final DemandQueries demandQueries;
  private final DemandRecords demands;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final Clock clock;
  private final People people;

  PublicResponses(PublicityNoticeRepository notices, ObjectionRepository objections, SatisfactionEvaluationRepository evaluations,
      DemandQueries demandQueries, DemandRecords demands, RuntimeService runtime, Notifications notifications, Clock clock,
      People people) {
    this.people = people;
    this.notices = notices;
    this.objections = objections;
    this.evaluations = evaluations;
    this.demandQueries = demandQueries;
    this.demands = demands;
    this.runtime = runtime;
    this.notifications = notifications;
    this.clock = clock;
  }

  // ---- objections ----

  @Transactional
  public Objection object(long noticeId, String reason) {
    PublicityNotice notice = notices.findById(noticeId).orElseThrow(() -> new NotFoundException("notice " + noticeId));
    if (!notice.isOpen()) throw new ConflictException("公示已结束，不再受理异议");
    Objection objection = objections.save(new Objection(noticeId, notice.getDemandId(), reason, clock.instant()));
    try {
      runtime.createMessageCorrelation(PublicityProcess.MESSAGE_OBJECTION).processInstanceBusinessKey(notice.getTrackingCode())
          .setVariablesToTriggeredScope(PublicityVariables.objection(objection.getId(), Masking.freeText(reason)))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("公示已结束，不再受理异议");
    }
    demands.event(notice.getDemandId(), "public", "OBJECTION_RAISED", "收到公示异议：" + Masking.freeText(reason), null);
    return objection;
  }

  /** 异议处理's decision: {@code UPHOLD} or {@code DISMISS}; anything else refuses the form. */
  static boolean upholds(String decision) {
    if (!decision.equals("UPHOLD") && !decision.equals("DISMISS")) {
      throw new BadUserRequestException("「处理意见」的取值无效：" + decision);
    }
    return decision.equals("UPHOLD");
  }

  @Transactional
  public Objection decide(long objectionId, boolean uphold, String answer, String actor) {
    Objection objection = objections.findById(objectionId).orElseThrow(() -> new IllegalStateException("objection " + objectionId));
    objection.decide(uphold ? Objection.Status.UPHELD : Objection.Status.DISMISSED, answer, actor, clock.instant());
    demands.event(objection.getDemandId(), actor, uphold ? "OBJECTION_UPHELD" : "OBJECTION_DISMISSED",
        (uphold ? "异议成立，转二次办理：" : "异议不成立：") + answer, null);
    return objections.save(objection);
  }

  @Transactional
  public void publishAnswer(long objectionId) {
    Objection objection = objections.findById(objectionId).orElseThrow();
    demands.event(objection.getDemandId(), "system", "OBJECTION_ANSWER_PUBLISHED", "异议答复已随公示公布", null);
  }

  /** An upheld objection: the notice leaves the board, objections still open go with the second handling. */
  @Transactional
  public void withdraw(long noticeId) {
    PublicityNotice notice = notices.findById(noticeId).orElseThrow();
    notice.withdraw(clock.instant());
    for (Objection pending : objections.findByNoticeIdAndStatus(noticeId, Objection.Status.PENDING)) {
      pending.decide(Objection.Status.SUPERSEDED, "异议成立，事项转二次办理，一并处理。", "system", clock.instant());
    }
    demands.event(notice.getDemandId(), "system", "PUBLICITY_WITHDRAWN", "公示撤回，事项转二次办理", DemandStatus.DEPARTMENT_HANDLING);
  }

  @Transactional(readOnly = true)
  public List<Objection> objectionsOf(long noticeId) {
    return objections.findByNoticeIdOrderBySubmittedAtAscIdAsc(noticeId);
  }

  /** The objections to each of these notices, oldest first, in one statement (a page of the board). */
  @Transactional(readOnly = true)
  public Map<Long, List<Objection>> objectionsOf(Collection<Long> noticeIds) {
    if (noticeIds.isEmpty()) return Map.of();
    return objections.findByNoticeIdInOrderBySubmittedAtAscIdAsc(noticeIds).stream()
        .collect(Collectors.groupingBy(Objection::getNoticeId));
  }

  // ---- satisfaction ----

  /** One evaluation per demand of the matter (merged duplicates included), due in 15 days. */
  @Transactional
  public List<SatisfactionEvaluation> open(long matterId, int round, String leadDepartment) {
    Demand matter = demands.demand(matterId);
    List<Demand> all = new ArrayList<>();
    all.add(matter);
    all.addAll(demandQueries.mergedInto(matter));
    Instant now = clock.instant();
    List<SatisfactionEvaluation> opened = new ArrayList<>();
    for (Demand demand : all) {
      if (evaluations.findByDemandIdAndRound(demand.getId(), round).isPresent()) continue;
      opened.add(evaluations.save(new SatisfactionEvaluation(matterId, demand.getId(), round, leadDepartment, now,
          now.plus(EVALUATION_WINDOW))));
      demands.event(demand.getId(), "system", "EVALUATION_REQUESTED", "公示期满，请对办理结果进行满意度评价（15日内）",
          demand.getId().equals(matterId) ? DemandStatus.EVALUATING : null);
    }
    return opened;
  }

  /** 发起满意度回访: opens the evaluations and says when the last of them falls due (now, if none was opened). */
  @Transactional
  public Instant openEvaluations(long matterId, int round, String leadDepartment) {
    return open(matterId, round, leadDepartment).stream().map(SatisfactionEvaluation::getDueAt).max(Comparator.naturalOrder())
        .orElse(Instant.now());
  }

  /** 汇总评价: 不满意 from anyone means a second handling once, then supervision; otherwise the matter is closed. */
  @Transactional
  public PublicityProcess.Outcome conclude(long matterId, int round, boolean secondHandlingDone, String trackingCode) {
    var all = of(matterId, round);
    long unsatisfied = all.stream().filter(e -> e.getRating() == SatisfactionEvaluation.Rating.UNSATISFIED).count();
    long answered = all.stream().filter(e -> e.getStatus() == SatisfactionEvaluation.Status.ANSWERED).count();
    PublicityProcess.Outcome outcome = unsatisfied == 0 ? PublicityProcess.Outcome.CLOSED
        : secondHandlingDone ? PublicityProcess.Outcome.SUPERVISION : PublicityProcess.Outcome.SECOND_HANDLING;
    String summary = "回访结束：" + all.size() + "人应评，" + answered + "人已评，" + unsatisfied + "人不满意";
    demands.event(matterId, "system", "EVALUATIONS_CONCLUDED", summary + switch (outcome) {
      case CLOSED -> "，办结";
      case SECOND_HANDLING -> "，转二次办理";
      case SUPERVISION -> "，二次办理后仍不满意，转督查督办";
    }, null); // the matter closes when its last process ends (consultation.MatterLifecycle)
    if (outcome == PublicityProcess.Outcome.SUPERVISION) {
      notifications.toGroup("supervisor", "UNSATISFIED", "群众二次办理后仍不满意：" + trackingCode,
          summary + "，请督查督办。", trackingCode);
    }
    return outcome;
  }

  /** The evaluation due for this tracking code, if any. */
  @Transactional(readOnly = true)
  public Optional<SatisfactionEvaluation> due(Demand demand) {
    return evaluations.findFirstByDemandIdAndStatusOrderByRoundDesc(demand.getId(), SatisfactionEvaluation.Status.PENDING);
  }

  @Transactional
  public SatisfactionEvaluation evaluate(String trackingCode, SatisfactionEvaluation.Rating rating, String comment,
      SatisfactionEvaluation.Channel channel, String recordedBy) {
    Demand demand = demandQueries.find(trackingCode);
    SatisfactionEvaluation evaluation = due(demand)
        .orElseThrow(() -> new ConflictException("该诉求目前没有待评价的办理结果"));
    evaluation.answer(rating, comment, clock.instant(), channel, recordedBy);
    evaluations.save(evaluation);
    String who = channel == SatisfactionEvaluation.Channel.PHONE_CALLBACK ? "电话回访（" + people.name(recordedBy) + "记录）" : "群众评价";
    demands.event(demand.getId(), recordedBy == null ? "public" : recordedBy, "EVALUATED", who + "：" + rating.label()
        + (comment == null || comment.isBlank() ? "" : "（" + Masking.freeText(comment, demand.getSubmitterName()) + "）"), null);
    if (evaluations.countByMatterIdAndRoundAndStatus(evaluation.getMatterId(), evaluation.getRound(),
        SatisfactionEvaluation.Status.PENDING) == 0) {
      runtime.createMessageCorrelation(PublicityProcess.MESSAGE_EVALUATIONS_COMPLETE)
          .processInstanceBusinessKey(demands.demand(evaluation.getMatterId()).getTrackingCode()).correlateAll();
    }
    return evaluation;
  }

  @Transactional
  public int noAnswer(long matterId, int round) {
    List<SatisfactionEvaluation> pending = evaluations.findByMatterIdAndRoundAndStatus(matterId, round,
        SatisfactionEvaluation.Status.PENDING);
    pending.forEach(e -> {
      e.noAnswer();
      demands.event(e.getDemandId(), "system", "EVALUATION_NO_ANSWER", "15日内未评价，记为未评价", null);
    });
    evaluations.saveAll(pending);
    return pending.size();
  }

  @Transactional(readOnly = true)
  public List<SatisfactionEvaluation> of(long matterId, int round) {
    return evaluations.findByMatterIdAndRoundOrderByIdAsc(matterId, round);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Map<String, long[]>> ratingsByDepartment(Instant from, Instant to) {
    Map<String, Map<String, long[]>> result = new TreeMap<>();
    // grouped in the database (issue #23): a year of answers is a few rows per department, not every evaluation
    for (Object[] row : evaluations.ratingCountsAnsweredBetween(from, to)) {
      Map<String, long[]> department = result.computeIfAbsent((String) row[0], d -> new HashMap<>());
      String channel = row[1] == null ? SatisfactionEvaluation.Channel.PUBLIC.name() : ((SatisfactionEvaluation.Channel) row[1]).name();
      boolean satisfied = row[2] != SatisfactionEvaluation.Rating.UNSATISFIED;
      long count = ((Number) row[3]).longValue();
      for (String key : Arrays.asList(null, channel)) {
        long[] counts = department.computeIfAbsent(key, k -> new long[2]);
        if (satisfied) counts[0] += count;
        counts[1] += count;
      }
    }
    return result;
  }

  @Transactional(readOnly = true)
  public List<SatisfactionEvaluation> ofDemand(long demandId) {
    return evaluations.findByDemandIdOrderByRoundAsc(demandId);
  }
}

interface ObjectionRepository extends JpaRepository<Objection, Long> {
  List<Objection> findByNoticeIdAndStatus(Long noticeId, Objection.Status status);

  List<Objection> findByNoticeIdOrderBySubmittedAtAscIdAsc(Long noticeId);

  List<Objection> findByNoticeIdInOrderBySubmittedAtAscIdAsc(Collection<Long> noticeIds);
}

interface SatisfactionEvaluationRepository extends JpaRepository<SatisfactionEvaluation, Long> {
  Optional<SatisfactionEvaluation> findByDemandIdAndRound(Long demandId, int round);

  Optional<SatisfactionEvaluation> findFirstByDemandIdAndStatusOrderByRoundDesc(Long demandId,
      SatisfactionEvaluation.Status status);

  long countByMatterIdAndRoundAndStatus(Long matterId, int round, SatisfactionEvaluation.Status status);

  List<SatisfactionEvaluation> findByMatterIdAndRoundAndStatus(Long matterId, int round, SatisfactionEvaluation.Status status);

  List<SatisfactionEvaluation> findByMatterIdAndRoundOrderByIdAsc(Long matterId, int round);

  List<SatisfactionEvaluation> findByDemandIdOrderByRoundAsc(Long demandId);

  /** Per lead department (set), channel and rating of the evaluations answered in [from, to): how many. */
  @Query("select e.leadDepartment, e.channel, e.rating, count(e) from SatisfactionEvaluation e"
      + " where e.answeredAt >= :from and e.answeredAt < :to and e.leadDepartment is not null"
      + " group by e.leadDepartment, e.channel, e.rating")
  List<Object[]> ratingCountsAnsweredBetween(@Param("from") Instant from, @Param("to") Instant to);
}
