package cn.shangliang.consultation;

import cn.shangliang.consultation.SixStepConsultationProcess.Var;
import cn.shangliang.forms.Vars;
import cn.shangliang.intake.Channel;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.intake.RoutingRecord;
import cn.shangliang.platforms.Platforms;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every bean {@code processes/consultation/SixStepConsultationProcess.bpmn} names, and nothing else: each reads what
 * the model or the form holds ({@link SixStepVariables}, {@link Vars}), calls one service and writes back what the
 * model goes on with. Decisions are the services' ({@link ConsultationRouting}, {@link SecondHandling} …). Bean names
 * are the expressions in the BPMN ({@code ${recordInvestigation}} …).
 */
@Configuration(proxyBeanMethods = false)
class SixStepConsultationGlue {

  /** 广泛征集知事 from Tasklist; a process started by the API already carries its demand and passes through. */
  @Bean
  ExecutionListener registerFromStartForm(StartFormIntake intake, FormPicks picks) {
    return execution -> {
      if (SixStepVariables.hasDemand(execution)) return;
      String starter = starter(execution);
      Demand demand = intake.register(startForm(execution, collectingMember(execution, starter, picks)),
          execution.getProcessInstanceId(), starter);
      execution.setProcessBusinessKey(demand.getTrackingCode());
      SixStepVariables.setDemand(execution, demand);
    };
  }

  private static String starter(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? "system" : authentication.getUserId();
  }

  /** The start form {@code collect-demand} as the API's request. */
  /**
   * 收集委员: a start form cannot load a pick list (Tasklist gives it no variables), so a member visiting says 「由我走访收集」
   * and is the collecting member; a start over the REST API may still name the member's account.
   */
  private static String collectingMember(VariableScope e, String starter, FormPicks picks) {
    if (Vars.flag(e, "collectedByMe")) return picks.collectedBy(starter);
    return picks.collectingMember(Vars.text(e, "collectingMember", "收集委员", false, 64));
  }

  private static DemandRequest startForm(VariableScope e, String collectingMember) {
    Integer departments = Vars.integer(e, "departmentsInvolved", "涉及部门数", false, 1, 50);
    Integer people = Vars.integer(e, "affectedPeople", "受影响人数", false, 0, 100_000_000);
    return new DemandRequest(
        Vars.text(e, "title", "标题", true, 200), Vars.text(e, "description", "诉求内容", true, 5000),
        Vars.choice(e, "category", "类别", Category.class), Vars.choice(e, "scope", "涉及范围", Scope.class),
        Vars.choice(e, "urgency", "紧急程度", Urgency.class), Vars.choice(e, "channel", "来源渠道", Channel.class),
        Vars.text(e, "township", "乡镇（街道）", true, 100), Vars.text(e, "village", "村（社区）", true, 100),
        new DemandRequest.Submitter(Vars.text(e, "submitterName", "诉求人姓名", false, 100),
            Vars.text(e, "submitterPhone", "联系电话", false, 20)),
        Vars.flag(e, "answerableOnSite"), Vars.flag(e, "needsPolicyChange"), Vars.amount(e, "estimatedCostYuan", "预估费用"),
        departments, List.of(), people, null, null, null, collectingMember, null);
  }

  @Bean
  JavaDelegate routeDemand(ConsultationRouting routing) {
    return execution -> SixStepVariables.setRouting(execution,
        routing.route(SixStepVariables.demandId(execution), RoutingRecord.Stage.TRIAGE));
  }

  @Bean
  JavaDelegate routeHandling(ConsultationRouting routing) {
    return execution -> SixStepVariables.setRouting(execution,
        routing.route(SixStepVariables.demandId(execution), RoutingRecord.Stage.HANDLING));
  }

  @Bean
  JavaDelegate assignInvestigator(VillageAssignments assignments) {
    return execution -> SixStepVariables.setInvestigator(execution, assignments.assignInvestigator(
        SixStepVariables.township(execution), SixStepVariables.village(execution), SixStepVariables.trackingCode(execution),
        SixStepVariables.title(execution)).orElse(null));
  }

  /** The investigation form opens with what intake recorded, to confirm or correct. */
  @Bean
  TaskListener prefillInvestigation(InvestigationCorrections corrections) {
    return task -> {
      InvestigationCorrections.Prefill prefill = corrections.prefill(SixStepVariables.demandId(task));
      task.getExecution().setVariables(prefill.fields());
      task.setVariablesLocal(prefill.recorded());
    };
  }

  @Bean
  TaskListener recordInvestigation(ConsultationRecords records, InvestigationCorrections corrections) {
    return task -> records.recordInvestigation(SixStepVariables.demandId(task), corrections.checked(SixStepVariables.demandId(task),
        Vars.text(task, InvestigationCorrections.REASON, "更正理由", false, 1000), Vars.actor(task), new ConsultationRecords.InvestigationInput(
        Vars.text(task, "findings", "调查核实的情况", true, 2000),
        Vars.text(task, "stakeholders", "利益相关方", false, 1000),
        Vars.integer(task, "investigatedAffectedPeople", "受影响人数", true, 0, 100_000_000),
        Vars.integer(task, "investigatedDepartments", "涉及部门数", true, 1, 50),
        Vars.amount(task, "investigatedCostYuan", "预估费用"),
        Vars.choice(task, "investigatedScope", "涉及范围", Scope.class),
        Vars.flag(task, "investigatedAnswerableOnSite"),
        Vars.flag(task, "investigatedNeedsPolicyChange"))), Vars.actor(task));
  }

  /** The platforms the meeting may be held at, the township's own first (the form's select). */
  @Bean
  TaskListener offerPlatforms(Platforms platforms) {
    return task -> SixStepVariables.setPlatformOptions(task, Spin.JSON(platforms.options(SixStepVariables.township(task))));
  }

  /** The members by name, for 参会委员 (the form's taglist). */
  @Bean
  TaskListener offerMembers(FormPicks picks) {
    return task -> task.setVariableLocal("memberOptions", Spin.JSON(picks.memberOptions()));
  }

  /** The handling units and the village committee, for the action items' 负责单位. */
  @Bean
  TaskListener offerOwners(FormPicks picks) {
    return task -> task.setVariableLocal("ownerOptions", Spin.JSON(picks.ownerOptions()));
  }

  @Bean
  TaskListener scheduleMeeting(Meetings meetings) {
    return task -> {
      List<ParticipantKind> kinds = Arrays.stream(ParticipantKind.values()).filter(k -> Vars.flag(task, k.formField())).toList();
      Meetings.Schedule form = new Meetings.Schedule(Vars.choice(task, "meetingForm", "协商形式", MeetingForm.class),
          Vars.text(task, "meetingTime", "议事时间", true, 40), Vars.text(task, "meetingPlace", "议事地点", true, 200),
          kinds, Vars.text(task, "platformId", "协商平台", false, 20), SixStepVariables.onlineInvitees(task));
      SixStepVariables.setMeeting(task, meetings.schedule(SixStepVariables.demandId(task), form, Vars.actor(task)));
    };
  }

  @Bean
  JavaDelegate notifyParticipants(ConsultationRecords records) {
    return execution -> records.notifyParticipants(SixStepVariables.meetingId(execution));
  }

  @Bean
  TaskListener recordMeeting(Meetings meetings) {
    return task -> meetings.record(SixStepVariables.meetingId(task), new Meetings.Held(
        Vars.text(task, "opinions", "各方意见", true, 2000), Vars.text(task, "agreement", "达成的共识", false, 2000),
        Vars.text(task, "dissent", "不同意见", false, 2000), Vars.integer(task, "attendance", "参会人数", true, 1, 100_000),
        task.getVariable("attendingMembers")), Vars.actor(task));
  }

  @Bean
  TaskListener recordDecision(ConsultationRecords records, FormPicks picks) {
    return task -> records.recordDecision(SixStepVariables.demandId(task), Vars.text(task, "decisionText", "决定事项", true, 2000),
        Vars.text(task, "howReached", "形成方式", true, 20), Vars.integer(task, "votesFor", "赞成票", false, 0, 100_000),
        Vars.integer(task, "votesAgainst", "反对票", false, 0, 100_000), Vars.integer(task, "votesAbstain", "弃权票", false, 0, 100_000),
        picks.actionItems(SixStepVariables.actionItems(task)), Vars.actor(task));
  }

  /** 现场答复 / 委员答复: the member's answer is the handling result. */
  @Bean
  TaskListener recordAnswer(DemandRecords demands) {
    return task -> demands.event(SixStepVariables.demandId(task), Vars.actor(task), "ANSWERED",
        Vars.text(task, Var.RESULT_TEXT, "答复内容", true, 2000), DemandStatus.HANDLED);
  }

  @Bean
  JavaDelegate startSecondHandling(SecondHandling secondHandling) {
    return execution -> SixStepVariables.setSecondHandling(execution, secondHandling.start(new SecondHandling.Matter(
        SixStepVariables.demandId(execution), SixStepVariables.trackingCode(execution), SixStepVariables.title(execution),
        SixStepVariables.route(execution), SixStepVariables.routeRule(execution), SixStepVariables.leadGroup(execution)),
        SixStepVariables.handlingRound(execution), SixStepVariables.secondHandlingReason(execution)));
  }

  @Bean
  TaskListener recordSecondHandlingAnswer(DemandRecords demands) {
    return task -> demands.event(SixStepVariables.demandId(task), Vars.actor(task), "ANSWERED",
        "二次办理：" + Vars.text(task, Var.RESULT_TEXT, "二次办理结果", true, 2000), DemandStatus.HANDLED);
  }
}
