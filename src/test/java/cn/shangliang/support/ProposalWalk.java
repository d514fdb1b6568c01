package cn.shangliang.support;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.Channel;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;

/** Walks a matter into ProposalProcess and through its steps, as the people of DOMAIN.md §1 would. */
public final class ProposalWalk {
  private final ProcessEngine engine;
  private final IntakeService intake;
  private final VillageAssignments villages;

  public ProposalWalk(ProcessEngine engine, IntakeService intake, VillageAssignments villages) {
    this.engine = engine;
    this.intake = intake;
    this.villages = villages;
  }

  public static void at(String moment) {
    TestClock.at(moment);
  }

  /** A matter whose investigation finds a policy change is needed: it waits at the proposal draft. */
  public Steps matter(Category category, int affectedPeople) {
    String village = "提案测试村" + UUID.randomUUID().toString().substring(0, 6);
    villages.assign("中峰镇", village, "member1", "admin");
    IntakeService.Submitted submitted = intake.submit(new DemandRequest("村组道路缺少养护 " + village,
        "村组道路年久失修，缺少养护经费和责任主体，群众出行不便。", category, Scope.VILLAGE, Urgency.NORMAL, Channel.MEMBER_VISIT,
        "中峰镇", village, new DemandRequest.Submitter("张三", "13812341234"), false, false, new BigDecimal("80000"), 1,
        List.of(), affectedPeople, null, null, null, "member1", null), null, "clerk");
    Steps steps = new Steps(engine, submitted.demand().getTrackingCode());
    steps.throughDecision(Steps.investigation("investigatedNeedsPolicyChange", true,
        "investigatedAffectedPeople", (long) affectedPeople));
    return steps;
  }

  public Steps draft(Steps steps) {
    return steps.complete("UserTask_DraftProposal", "liaison", List.of("liaison-office"), Map.of(
        "proposalTitle", "关于完善村组道路养护机制的提案", "proposalReasons", "村组道路缺少日常养护经费和责任主体，群众反映强烈。",
        "proposalSuggestions", "建立县乡村三级道路养护责任制度，落实养护经费。", "proposers", "李委员", "proposerIds", "member1"));
  }

  public Steps review(Steps steps, String decision, String mergeInto) {
    Map<String, Object> vars = new HashMap<>(Map.of("registrationDecision", decision, "registrationComment", "经审查，意见如下。"));
    if (mergeInto != null) vars.put("mergeIntoNumber", mergeInto);
    return steps.complete("UserTask_RegistrationReview", "proposals", List.of("proposal-committee"), vars);
  }

  public Steps assign(Steps steps, String lead, String... coUnits) {
    return steps.complete("UserTask_AssignUnits", "proposals", List.of("proposal-committee"),
        Map.of("leadUnit", lead, "coUnits", Spin.JSON(List.of(coUnits))));
  }

  public Steps registeredAndAssigned(Category category, int affectedPeople, String lead) {
    return assign(review(draft(matter(category, affectedPeople)), "REGISTER", null), lead);
  }

  public Steps contact(Steps steps, String unit, String date) {
    return steps.complete("UserTask_ContactProposer", unit, List.of("dept-" + unit), Map.of("contactWay", "VISIT",
        "contactDate", date, "proposerView", "提案者希望先解决养护经费来源。"));
  }

  public Steps reply(Steps steps, String unit, String replyClass) {
    return steps.complete("UserTask_ProposalReply", unit, List.of("dept-" + unit), Map.of("replyClass", replyClass,
        "replyText", "已将村组道路养护纳入年度计划，安排专项经费。"));
  }

  public Steps evaluate(Steps steps, String taskKey, String result, String comment) {
    Map<String, Object> vars = new HashMap<>(Map.of("evaluationResult", result));
    if (comment != null) vars.put("evaluationComment", comment);
    return steps.complete(taskKey, "member1", List.of("member"), vars);
  }
}
