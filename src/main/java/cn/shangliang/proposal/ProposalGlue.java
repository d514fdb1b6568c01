package cn.shangliang.proposal;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.forms.Vars;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.organisation.Departments;
import cn.shangliang.proposal.ProposalProcess.Var;
import cn.shangliang.rules.RulesService;
import cn.shangliang.sla.ReplyClocks;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The glue of ProposalProcess: draft, 立案审查, 交办, 沟通协商, reply with its class, evaluation (or its
 * default after the window), re-handling, conclusion. The reply clock is the department replies' one
 * ({@code ${startReplyClock}} and its reminder, breach and supervision delegates).
 */
@Configuration(proxyBeanMethods = false)
class ProposalGlue {

  static long proposalId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.PROPOSAL_ID)).longValue();
  }

  static String dueText(Instant due) {
    return ChinaTime.of(due).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  static String title(VariableScope scope) {
    return "「" + scope.getVariable(Var.PROPOSAL_TITLE) + "」";
  }

  /** One option of a Camunda Forms select, label first. */
  static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  /** Option lists of the forms (Camunda Forms {@code valuesKey}) from the rule data in force. */
  static void offerOptions(VariableScope scope, RulesService rules) {
    ReplyClassScheme scheme = rules.current().data(ReplyClassScheme.class);
    scope.setVariable(Var.REPLY_CLASS_OPTIONS, Spin.JSON(scheme.options()));
    List<Map<String, String>> units = new ArrayList<>();
    rules.current().data(Departments.class).names().forEach((code, name) -> units.add(option(name, code)));
    scope.setVariable(Var.UNIT_OPTIONS, Spin.JSON(units));
  }

  @Bean
  JavaDelegate prepareProposalDraft(DemandRecords demands, RulesService rules) {
    return execution -> {
      Demand demand = demands.demand(((Number) execution.getVariable("demandId")).longValue());
      String member = demand.getCollectingMember();
      String memberName = null;
      if (member != null) {
        User user = execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(member).singleResult();
        if (user != null) memberName = ((user.getLastName() == null ? "" : user.getLastName())
            + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
      }
      execution.setVariable(Var.PROPOSAL_TITLE, "关于" + demand.getTitle() + "的提案");
      execution.setVariable("proposalReasons", demand.getDescription());
      execution.setVariable("proposers", memberName == null || memberName.isEmpty() ? "" : memberName);
      execution.setVariable(Var.PROPOSER_IDS, member == null ? "" : member);
      offerOptions(execution, rules);
    };
  }

  /** The proposers (members with an account) may take the draft and the evaluation themselves. */
  @Bean
  TaskListener offerToProposers() {
    return task -> {
      Object ids = task.getVariable(Var.PROPOSER_IDS);
      if (ids == null) return;
      for (String id : ProposalService.userIds(ids.toString())) task.addCandidateUser(id);
    };
  }

  @Bean
  TaskListener draftProposal(ProposalService proposals) {
    return task -> {
      Proposal proposal = proposals.draft(((Number) task.getVariable("demandId")).longValue(),
          Vars.text(task, Var.PROPOSAL_TITLE, "提案标题", true, 200), Vars.text(task, "proposalReasons", "案由", true, 5000),
          Vars.text(task, "proposalSuggestions", "建议", true, 5000), Vars.text(task, "proposers", "提案人", true, 500),
          Vars.text(task, Var.PROPOSER_IDS, "提案人账号", false, 500), Vars.actor(task));
      task.setVariable(Var.PROPOSAL_ID, proposal.getId());
      task.setVariable(Var.PROPOSER_IDS, proposal.getProposerIds() == null ? "" : proposal.getProposerIds());
    };
  }

  @Bean
  TaskListener reviewRegistration(ProposalService proposals) {
    return task -> {
      RegistrationDecision decision = Vars.choice(task, Var.REGISTRATION_DECISION, "审查意见", RegistrationDecision.class);
      String comment = Vars.text(task, "registrationComment", "审查说明", true, 2000);
      Proposal underWhich = proposals.review(proposalId(task), decision, comment,
          Vars.text(task, "mergeIntoNumber", "并入提案号", false, 20), Vars.actor(task));
      task.setVariable(Var.PROPOSAL_NUMBER, underWhich.getNumber() == null ? "" : underWhich.getNumber());
      task.setVariable("resultText", switch (decision) {
        case REGISTER -> "提案「" + underWhich.getTitle() + "」已立案，编号第" + underWhich.getNumber() + "号。";
        case MERGE -> "并入提案第" + underWhich.getNumber() + "号「" + underWhich.getTitle() + "」一并办理：" + comment;
        case FORWARD -> "不予立案，已转为社情民意信息报送：" + comment;
      });
    };
  }

  @Bean
  TaskListener assignProposal(ProposalService proposals, Notifications notifications) {
    return task -> {
      String lead = Vars.text(task, Var.LEAD_UNIT, "主办单位", true, 40);
      Proposal proposal = proposals.assign(proposalId(task), lead, list(task.getVariable(Var.CO_UNITS)), Vars.actor(task));
      task.setVariable("leadDepartment", lead);
      task.setVariable("leadGroup", Departments.groupOf(lead));
      task.setVariable("coDepartments", proposal.getCoUnits() == null ? "" : proposal.getCoUnits());
      task.setVariable(Var.REPLY_DUE, Date.from(proposal.getReplyDueAt()));
      task.setVariable(Var.REPLY_DUE_FROM, Date.from(proposal.getAssignedAt()));
      task.setVariable(Var.REPLY_DUE_PERIOD, proposals.policy().replyDue().toString());
      task.setVariable("replyDueText", dueText(proposal.getReplyDueAt()));
      task.setVariable("leadUnitName", proposals.unitName(lead));
      task.setVariable(Var.HANDLING_ROUND, 1);
      task.setVariable(Var.MAX_HANDLING_ROUNDS, proposals.policy().maxHandlingRounds());
      task.setVariable("clockLabel", "提案答复");
      notifications.toGroup(Departments.groupOf(lead), "ASSIGNMENT", "提案交办：" + title(task),
          "提案第" + proposal.getNumber() + "号交贵单位主办，请先与提案者沟通协商，"
              + ChinaTime.of(proposal.getReplyDueAt()).toLocalDate() + "前答复。",
          (String) task.getVariable("trackingCode"));
    };
  }

  /** A taglist submits a JSON array; a text field "a,b"; nothing at all is no co-unit. */
  static List<String> list(Object value) {
    if (value == null) return List.of();
    if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) throw new BadUserRequestException("「协办单位」应为列表");
      return json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    }
    if (value instanceof Collection<?> collection) return collection.stream().map(String::valueOf).toList();
    String text = value.toString().strip();
    if (text.startsWith("[")) return list(Spin.JSON(text));
    return ProposalService.codes(text);
  }

  @Bean
  TaskListener recordProposerContact(ProposalService proposals) {
    return task -> {
      ContactWay way = Vars.choice(task, "contactWay", "沟通方式", ContactWay.class);
      LocalDate on = date(Vars.text(task, "contactDate", "沟通日期", true, 40), "沟通日期");
      proposals.contact(proposalId(task), round(task), way, on, Vars.text(task, "proposerView", "提案者意见", true, 2000),
          Vars.actor(task));
    };
  }

  static LocalDate date(String text, String label) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("「" + label + "」应为日期，如 2026-11-23");
    }
  }

  static int round(VariableScope scope) {
    Object round = scope.getVariable(Var.HANDLING_ROUND);
    return round == null ? 1 : ((Number) round).intValue();
  }

  @Bean
  TaskListener recordProposalReply(ProposalService proposals, ReplyClocks clocks, RulesService rules, CalendarService calendars,
      Notifications notifications, Clock clock) {
    return task -> {
      int round = round(task);
      String replyClass = Vars.text(task, Var.REPLY_CLASS, "答复类别", true, 10);
      long clockId = ((Number) task.getVariable("replyClockId")).longValue();
      ProposalRecords.Reply reply = proposals.reply(proposalId(task), round == 1 ? ReplyKind.FIRST : ReplyKind.RE_HANDLING,
          round, replyClass, Vars.text(task, "replyText", "答复内容", true, 5000), clockId, Vars.actor(task));
      clocks.replied(clockId);
      afterReply(task, reply.getId(), replyClass, proposals, calendars, clock.instant());
      notifyProposers(task, notifications, "提案已答复：" + title(task), "承办单位已答复（"
          + rules.current().data(ReplyClassScheme.class).label(replyClass) + "），请在"
          + proposals.policy().evaluationWindow().getDays() + "日内评价。");
    };
  }

  /** After a reply: the evaluation window opens; a class calling for 回头看 gets its date. */
  static void afterReply(VariableScope scope, Long replyId, String replyClass, ProposalService proposals,
      CalendarService calendars, Instant now) {
    scope.setVariable(Var.REPLY_ID, replyId);
    scope.setVariable(Var.REPLY_CLASS, replyClass);
    scope.setVariable("replyClassLabel", proposals.scheme().label(replyClass));
    scope.setVariable(Var.EVALUATION_DUE,
        Date.from(ProposalPolicy.after(calendars.calendar(), now, proposals.policy().evaluationWindow())));
    scope.setVariable(Var.FOLLOW_UP_AT, Date.from(ProposalPolicy.after(calendars.calendar(), now, proposals.policy().followUpAfter())));
  }

  static void notifyProposers(VariableScope scope, Notifications notifications, String title, String message) {
    Object ids = scope.getVariable(Var.PROPOSER_IDS);
    if (ids == null) return;
    for (String id : ProposalService.userIds(ids.toString())) {
      notifications.toUser(id, "PROPOSAL", title, message, (String) scope.getVariable("trackingCode"));
    }
  }

  @Bean
  TaskListener recordProposalEvaluation(ProposalService proposals) {
    return task -> {
      EvaluationResult result = Vars.choice(task, Var.EVALUATION_RESULT, "评价", EvaluationResult.class);
      String comment = Vars.text(task, "evaluationComment", "评价意见", result == EvaluationResult.DISSATISFIED, 2000);
      Object replyId = task.getVariable(Var.REPLY_ID);
      proposals.evaluate(proposalId(task), replyId == null ? null : ((Number) replyId).longValue(), result, comment, false,
          Vars.actor(task));
    };
  }

  @Bean
  JavaDelegate defaultProposalEvaluation(ProposalService proposals) {
    return execution -> {
      Object replyId = execution.getVariable(Var.REPLY_ID);
      proposals.evaluate(proposalId(execution), replyId == null ? null : ((Number) replyId).longValue(),
          EvaluationResult.SATISFIED, null, true, "system");
      execution.setVariable(Var.EVALUATION_RESULT, EvaluationResult.SATISFIED.name());
      execution.setVariable(Var.EVALUATION_DEFAULTED, true);
    };
  }

  @Bean
  JavaDelegate startProposalReHandling(ProposalService proposals, Notifications notifications, Clock clock) {
    return execution -> {
      Instant from = clock.instant();
      Proposal proposal = proposals.reHandling(proposalId(execution), from);
      execution.setVariable(Var.HANDLING_ROUND, round(execution) + 1);
      execution.setVariable(Var.REPLY_DUE, Date.from(proposal.getReplyDueAt()));
      execution.setVariable(Var.REPLY_DUE_FROM, Date.from(from));
      execution.setVariable(Var.REPLY_DUE_PERIOD, proposals.policy().reHandlingDue().toString());
      execution.setVariable("replyDueText", dueText(proposal.getReplyDueAt()));
      notifications.toGroup((String) execution.getVariable("leadGroup"), "RETURNED", "提案二次办理：" + title(execution),
          "提案者对答复不满意，请再次沟通并于" + ChinaTime.of(proposal.getReplyDueAt()).toLocalDate()
              + "前重新答复。", (String) execution.getVariable("trackingCode"));
    };
  }

  @Bean
  JavaDelegate concludeProposal(ProposalService proposals, RulesService rules) {
    return execution -> {
      Proposal proposal = proposals.conclude(proposalId(execution));
      ReplyClassScheme scheme = rules.current().data(ReplyClassScheme.class);
      execution.setVariable("resultText", "提案第" + proposal.getNumber() + "号「" + proposal.getTitle() + "」由"
          + proposals.unitName(proposal.getLeadUnit()) + "答复，" + scheme.label(proposal.getReplyClass())
          + (proposal.getStatus() == ProposalStatus.FOLLOW_UP_PENDING ? "，将开展回头看。" : "。"));
    };
  }

  /** 安排回头看: a FollowUpReviewProcess for the proposal, waiting for its timer. */
  @Bean
  JavaDelegate scheduleFollowUp() {
    return execution -> {
      Map<String, Object> variables = new HashMap<>();
      for (String name : FollowUpReviewProcess.INPUTS) variables.put(name, execution.getVariable(name));
      execution.getProcessEngineServices().getRuntimeService()
          .startProcessInstanceByKey(FollowUpReviewProcess.KEY, execution.getProcessBusinessKey(), variables);
    };
  }

  @Bean
  DemandRecordsContributor proposalsContributor(ProposalQueries queries) {
    return DemandRecordsContributor.of("proposals", queries::ofMatter);
  }
}
