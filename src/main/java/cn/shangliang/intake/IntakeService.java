package cn.shangliang.intake;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.notifications.SmsGateway;
import cn.shangliang.organisation.Departments;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ConcurrentChange;
import cn.shangliang.system.InvalidRequestException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers demands from every channel. The demand row, its routing decision and its process instance
 * are written in one transaction: a failure anywhere leaves nothing behind. A repeated client key
 * ({@code externalId} or {@code Idempotency-Key}) returns the first demand and writes nothing, even when
 * the two requests race (the unique index decides, the loser reads the winner).
 */
@Service
public class IntakeService {

  /**
   * What a submission gave: the demand, its route, whether it was new, merge candidates, and the access code
   * for the receipt (only when new: a repeated request never sees it again).
   */
  public record Submitted(Demand demand, RouteResult route, boolean created, List<DuplicateFinder.Candidate> duplicates,
      String accessCode) {}

  private final DemandRepository demands;
  private final RoutingRecordRepository routing;
  private final DemandEventRepository history;
  private final MatterProcess matters;
  private final DuplicateFinder duplicates;
  private final RulesService rules;
  private final TransactionTemplate transaction;
  private final Validator validator;
  private final Clock clock;
  private final AccessCodes accessCodes;
  private final SmsGateway sms;
  private final DemandQueries queries;

  IntakeService(DemandRepository demands, RoutingRecordRepository routing, DemandEventRepository history,
      MatterProcess matters, DuplicateFinder duplicates, RulesService rules,
      PlatformTransactionManager transactionManager, Validator validator, Clock clock,
      AccessCodes accessCodes, SmsGateway sms, DemandQueries queries) {
    this.queries = queries;
    this.accessCodes = accessCodes;
    this.sms = sms;
    this.demands = demands;
    this.routing = routing;
    this.history = history;
    this.matters = matters;
    this.duplicates = duplicates;
    this.rules = rules;
    this.transaction = new TransactionTemplate(transactionManager);
    this.validator = validator;
    this.clock = clock;
  }

  public Submitted submit(DemandRequest request, String idempotencyHeader, String actor) {
    checkDepartments(request);
    String key = clientKey(request, idempotencyHeader);
    if (key != null) {
      Optional<Submitted> earlier = transaction.execute(s -> demands.findByIdempotencyKey(key).map(this::alreadySubmitted));
      if (earlier.isPresent()) return earlier.get();
    }
    try {
      return createOrAnswerEarlier(request, key, actor);
    } catch (RuntimeException lostRace) {
      if (key == null || !ConcurrentChange.is(lostRace)) throw lostRace;
      // Two requests waiting on a third's insert of the same key (InnoDB: when it rolls back, both waiters take a
      // shared lock on the key and one is chosen as deadlock victim). Once more: the other has the key now, so this
      // one waits for it and answers with its demand, or creates the demand if the other failed too.
      return transaction.execute(s -> demands.findByIdempotencyKey(key).map(this::alreadySubmitted))
          .orElseGet(() -> createOrAnswerEarlier(request, key, actor));
    }
  }

  private Submitted createOrAnswerEarlier(DemandRequest request, String key, String actor) {
    try {
      return transaction.execute(s -> create(request, key, actor));
    } catch (DataIntegrityViolationException raced) {
      if (key == null) throw raced;
      // Another request with the same key committed first: answer with its demand.
      return transaction.execute(s -> demands.findByIdempotencyKey(key).map(this::alreadySubmitted)).orElseThrow(() -> raced);
    }
  }

  /**
   * Tasklist's "Start process": the process instance exists already (its start form carried the demand);
   * the demand is registered for it in the engine's transaction, validated exactly as the API validates.
   * Returns the demand; merge candidates go into its history for the liaison office.
   */
  public Demand registerForRunningProcess(DemandRequest request, String processInstanceId, String actor) {
    validate(request);
    Demand demand = persist(request, null, actor);
    issueAccessCode(demand); // reaches the submitter by SMS; staff can issue a new one to read out
    demand.setProcessInstanceId(processInstanceId);
    List<DuplicateFinder.Candidate> candidates = duplicates.candidatesFor(demand);
    if (!candidates.isEmpty()) {
      history.save(new DemandEvent(demand.getId(), clock.instant(), "system", "DUPLICATE_CANDIDATES", "可能与以下诉求重复，可并单："
          + candidates.stream().map(c -> c.trackingCode() + "「" + c.title() + "」").collect(Collectors.joining("、"))));
    }
    return demand;
  }

  private Submitted create(DemandRequest request, String key, String actor) {
    Demand demand = persist(request, key, actor);
    String accessCode = issueAccessCode(demand);
    RoutingRecord route = matters.start(demand); // the process's first step routes the demand
    return new Submitted(demand, route.toResult(rules.current().data(WorkingCalendar.class)), true, duplicates.candidatesFor(demand), accessCode);
  }

  /**
   * 重新发放查询码: staff give the submitter a new access code (lost, or never received); the old one stops
   * working. Returned once for staff to read out; sent by SMS as well where a gateway is configured.
   */
  public Reissued reissueAccessCode(String idOrCode, String actor) {
    return transaction.execute(s -> {
      Demand demand = queries.find(idOrCode);
      String code = issueAccessCode(demand);
      history.save(new DemandEvent(demand.getId(), clock.instant(), actor, "ACCESS_CODE_REISSUED", "重新发放查询码，原查询码作废"));
      return new Reissued(demand.getId(), demand.getTrackingCode(), code, demand.getAccessCodeIssuedAt());
    });
  }

  public record Reissued(long demandId, String trackingCode, String accessCode, Instant issuedAt) {}

  /** A new access code for the demand, sent by SMS once the transaction has committed; returned for the receipt. */
  private String issueAccessCode(Demand demand) {
    String code = accessCodes.issue(demand);
    String phone = demand.getSubmitterPhone();
    if (phone != null && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sms.sendAccessCode(phone, demand.getTrackingCode(), code);
        }
      });
    }
    return code;
  }

  private Demand persist(DemandRequest request, String key, String actor) {
    Instant now = clock.instant();
    Demand demand = new Demand(now, actor);
    demand.setIdempotencyKey(key);
    demand.setExternalId(blankToNull(request.externalId()));
    demand.setChannel(request.channel());
    demand.setTitle(request.title().strip());
    demand.setDescription(request.description().strip());
    demand.setCategory(request.category());
    demand.setScope(request.scope());
    demand.setUrgency(request.urgency());
    demand.setTownship(request.township().strip());
    demand.setVillage(request.village().strip());
    demand.setLatitude(request.latitude());
    demand.setLongitude(request.longitude());
    if (request.submitter() != null) {
      demand.setSubmitterName(blankToNull(request.submitter().name()));
      demand.setSubmitterPhone(blankToNull(request.submitter().phone()));
    }
    demand.setCollectingMember(blankToNull(request.collectingMember()));
    demand.setAnswerableOnSite(request.answerableOnSiteOrDefault());
    demand.setNeedsPolicyChange(request.needsPolicyChangeOrDefault());
    demand.setEstimatedCostYuan(request.estimatedCostYuan());
    demand.setDepartmentsInvolved(request.departmentsInvolvedOrDefault());
    demand.setCoDepartments(request.coDepartmentsOrEmpty());
    demand.setAffectedPeople(request.affectedPeopleOrDefault());
    demands.saveAndFlush(demand); // a repeated client key fails here, before the engine does any work
    demand.assignTrackingCode();
    history.save(new DemandEvent(demand.getId(), now, actor, "COLLECTED",
        "经「" + request.channel().label() + "」受理：" + demand.getTitle()));
    return demand;
  }

  private Submitted alreadySubmitted(Demand demand) {
    RouteResult route = routing.findFirstByDemandIdOrderByEvaluatedAtDescIdDesc(demand.getId())
        .map(r -> r.toResult(rules.current().data(WorkingCalendar.class))).orElse(null);
    return new Submitted(demand, route, false, List.of(), null);
  }

  /** The API's validation, for requests that do not come through the API's controller (start form, public page). */
  public void validate(DemandRequest request) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    validator.validate(request).forEach(v -> errors.add(new InvalidRequestException.FieldError(v.getPropertyPath().toString(), v.getMessage())));
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    checkDepartments(request);
  }

  /** Every co-department named must be a known handling unit (rules/departments.yaml): else 400 with the fields. */
  void checkDepartments(DemandRequest request) {
    Departments departments = rules.current().data(Departments.class);
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    List<String> co = request.coDepartmentsOrEmpty();
    for (int i = 0; i < co.size(); i++) {
      if (co.get(i) != null && !departments.exists(co.get(i))) {
        errors.add(new InvalidRequestException.FieldError("coDepartments[" + i + "]", "未知的承办单位代码：" + co.get(i)));
      }
    }
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
  }

  private static String clientKey(DemandRequest request, String header) {
    String key = blankToNull(request.externalId());
    if (key == null) key = blankToNull(header);
    if (key != null && key.length() > 128) {
      throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("Idempotency-Key", "不能超过128个字符")));
    }
    return key;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
