package cn.shangliang.consultation;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRecords.InvestigatedFacts;
import cn.shangliang.intake.DemandRouting;
import cn.shangliang.routing.RouteResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 深入调查明事 starts from what intake recorded: the form opens with the recorded facts for the investigator to confirm
 * or correct ({@link #prefill}). A correction that changes the route the rules in force would take needs a reason: the
 * first submission is refused with the new route and its reasons, the second, with the reason, records the change and
 * the reason in the demand's history ({@link #check}).
 */
@Service
public class InvestigationCorrections {
  /** The form's fields and, beside each, the recorded value the form compares with (FEEL) to show the notice. */
  static final String SCOPE = "investigatedScope";
  static final String AFFECTED = "investigatedAffectedPeople";
  static final String DEPARTMENTS = "investigatedDepartments";
  static final String COST = "investigatedCostYuan";
  static final String ON_SITE = "investigatedAnswerableOnSite";
  static final String POLICY = "investigatedNeedsPolicyChange";
  static final String REASON = "correctionReason";

  private final DemandRecords demands;
  private final DemandRouting routing;

  InvestigationCorrections(DemandRecords demands, DemandRouting routing) {
    this.demands = demands;
    this.routing = routing;
  }

  /**
   * What the form opens with: {@code fields} filled with the recorded facts, and {@code recorded} their twins
   * ({@code recordedScope} …) and a summary. The fields go on the execution, where Tasklist's submission writes (a
   * task-local variable of the same name would hide what was submitted); the twins stay on the task.
   */
  public record Prefill(Map<String, Object> fields, Map<String, Object> recorded) {}

  @Transactional(readOnly = true)
  public Prefill prefill(long demandId) {
    InvestigatedFacts facts = recorded(demands.demand(demandId));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(SCOPE, facts.scope().name());
    fields.put(AFFECTED, facts.affectedPeople());
    fields.put(DEPARTMENTS, facts.departmentsInvolved());
    fields.put(COST, facts.estimatedCostYuan() == null ? null : facts.estimatedCostYuan().doubleValue());
    fields.put(ON_SITE, facts.answerableOnSite());
    fields.put(POLICY, facts.needsPolicyChange());
    Map<String, Object> recorded = new LinkedHashMap<>();
    fields.forEach((key, value) -> recorded.put(twin(key), value));
    recorded.put("recordedFacts", describe(facts));
    return new Prefill(fields, recorded);
  }

  /** {@code investigatedScope} → {@code recordedScope}: what the form's notice compares with. */
  static String twin(String field) {
    return "recorded" + field.substring("investigated".length());
  }

  /** The investigation as submitted, once {@link #check checked}. */
  @Transactional
  public ConsultationRecords.InvestigationInput checked(long demandId, String reason, String actor,
      ConsultationRecords.InvestigationInput input) {
    check(demandId, input.facts(), reason, actor);
    return input;
  }

  /**
   * Before the investigated facts replace the recorded ones: refuses a route-changing correction without a reason,
   * and writes what was corrected (with the route change and the reason) into the history.
   */
  @Transactional
  public void check(long demandId, InvestigatedFacts investigated, String reason, String actor) {
    InvestigatedFacts recorded = recorded(demands.demand(demandId));
    List<String> changes = changes(recorded, investigated);
    if (changes.isEmpty()) return;
    RouteResult before = routing.preview(demandId, recorded);
    RouteResult after = routing.preview(demandId, investigated);
    String routeChange = before.route() == after.route() ? ""
        : "提交后分流将由「" + before.route().label() + "」改为「" + after.route().label() + "」：" + reasons(after);
    if (!routeChange.isEmpty() && (reason == null || reason.isBlank())) {
      throw new BadUserRequestException(routeChange + "。请在「更正理由」中说明更正的依据，确认后再提交");
    }
    demands.event(demandId, actor, "FACTS_CORRECTED", "调查更正了登记的情况：" + String.join("，", changes)
        + (routeChange.isEmpty() ? "" : "；" + routeChange.replace("提交后分流将由", "分流由"))
        + (reason == null || reason.isBlank() ? "" : "。更正理由：" + reason.strip()), null);
  }

  static InvestigatedFacts recorded(Demand d) {
    return new InvestigatedFacts(d.getScope(), d.isAnswerableOnSite(), d.isNeedsPolicyChange(), d.getEstimatedCostYuan(),
        d.getDepartmentsInvolved(), d.getAffectedPeople());
  }

  static List<String> changes(InvestigatedFacts was, InvestigatedFacts is) {
    List<String> changes = new ArrayList<>();
    if (was.scope() != is.scope()) changes.add("涉及范围 " + was.scope().label() + "→" + is.scope().label());
    if (was.affectedPeople() != is.affectedPeople()) changes.add("受影响人数 " + was.affectedPeople() + "→" + is.affectedPeople());
    if (was.departmentsInvolved() != is.departmentsInvolved()) {
      changes.add("涉及部门数 " + was.departmentsInvolved() + "→" + is.departmentsInvolved());
    }
    if (!sameAmount(was.estimatedCostYuan(), is.estimatedCostYuan())) {
      changes.add("预估费用 " + yuan(was.estimatedCostYuan()) + "→" + yuan(is.estimatedCostYuan()));
    }
    if (was.answerableOnSite() != is.answerableOnSite()) changes.add("可现场答复 " + yesNo(was.answerableOnSite()) + "→" + yesNo(is.answerableOnSite()));
    if (was.needsPolicyChange() != is.needsPolicyChange()) {
      changes.add("需要制定或调整政策 " + yesNo(was.needsPolicyChange()) + "→" + yesNo(is.needsPolicyChange()));
    }
    return changes;
  }

  private static String describe(InvestigatedFacts f) {
    return "涉及范围：" + f.scope().label() + "；受影响人数：" + f.affectedPeople() + "；涉及部门数：" + f.departmentsInvolved()
        + "；预估费用：" + yuan(f.estimatedCostYuan()) + "；可现场答复：" + yesNo(f.answerableOnSite()) + "；需要制定或调整政策："
        + yesNo(f.needsPolicyChange());
  }

  private static String reasons(RouteResult route) {
    return route.reasons().stream().map(RouteResult.Reason::message).collect(Collectors.joining("；"));
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
  }

  private static String yuan(BigDecimal amount) {
    return amount == null ? "未填" : amount.stripTrailingZeros().toPlainString() + "元";
  }

  private static String yesNo(boolean value) {
    return value ? "是" : "否";
  }
}
