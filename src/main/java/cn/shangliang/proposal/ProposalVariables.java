package cn.shangliang.proposal;

import cn.shangliang.forms.Vars;
import cn.shangliang.proposal.ProposalProcess.Var;
import cn.shangliang.system.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed access to ProposalProcess's variables ({@link Var}), which FollowUpReviewProcess inherits: the one place
 * their names are spelled, with the labels and limits of the form fields that submit them.
 */
final class ProposalVariables {
  private ProposalVariables() {}

  static long demandId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.DEMAND_ID)).longValue();
  }

  static String trackingCode(VariableScope scope) {
    return (String) scope.getVariable(Var.TRACKING_CODE);
  }

  static long proposalId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.PROPOSAL_ID)).longValue();
  }

  /** The proposal of a process instance, when it is one (a department reply's clock is not). */
  static Long proposalId(RuntimeService runtime, String processInstanceId) {
    return runtime.getVariable(processInstanceId, Var.PROPOSAL_ID) instanceof Number id ? id.longValue() : null;
  }

  static String proposalNumber(VariableScope scope) {
    return (String) scope.getVariable(Var.PROPOSAL_NUMBER);
  }

  /** The title in 「」, as notices quote it. */
  static String quotedTitle(VariableScope scope) {
    return "「" + scope.getVariable(Var.PROPOSAL_TITLE) + "」";
  }

  static String leadGroup(VariableScope scope) {
    return (String) scope.getVariable(Var.LEAD_GROUP);
  }

  static Set<String> proposerIds(VariableScope scope) {
    Object ids = scope.getVariable(Var.PROPOSER_IDS);
    return ProposalService.userIds(ids == null ? null : ids.toString());
  }

  static int handlingRound(VariableScope scope) {
    Object round = scope.getVariable(Var.HANDLING_ROUND);
    return round == null ? 1 : ((Number) round).intValue();
  }

  static Long replyId(VariableScope scope) {
    Object id = scope.getVariable(Var.REPLY_ID);
    return id == null ? null : ((Number) id).longValue();
  }

  static void replyId(VariableScope scope, Long replyId) {
    scope.setVariable(Var.REPLY_ID, replyId);
  }

  static void clearReplyId(VariableScope scope) {
    scope.removeVariable(Var.REPLY_ID);
  }

  static long replyClockId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.REPLY_CLOCK_ID)).longValue();
  }

  /** Everything FollowUpReviewProcess needs of the proposal, for its start. */
  static Map<String, Object> followUpInputs(VariableScope scope) {
    Map<String, Object> variables = new HashMap<>();
    for (String name : FollowUpReviewProcess.INPUTS) variables.put(name, scope.getVariable(name));
    return variables;
  }

  // ---- what the steps write ----

  /** Option lists of the forms (Camunda Forms {@code valuesKey}). */
  static void options(VariableScope scope, List<Map<String, String>> replyClasses, List<Map<String, String>> units) {
    scope.setVariable(Var.REPLY_CLASS_OPTIONS, Spin.JSON(replyClasses));
    scope.setVariable(Var.UNIT_OPTIONS, Spin.JSON(units));
  }

  /** The proposer pick list of one task (local: the members change, the next task asks again). */
  static void mergeTargetOptions(DelegateTask task, List<Map<String, String>> targets) {
    task.setVariableLocal(Var.MERGE_TARGET_OPTIONS, Spin.JSON(targets));
  }

  static void memberOptions(DelegateTask task, List<Map<String, String>> members) {
    task.setVariableLocal(Var.MEMBER_OPTIONS, Spin.JSON(members));
  }

  static void draftSuggested(VariableScope scope, ProposalDrafts.Suggestion draft) {
    scope.setVariable(Var.PROPOSAL_TITLE, draft.title());
    scope.setVariable(Var.PROPOSAL_REASONS, draft.reasons());
    scope.setVariable(Var.PROPOSERS, draft.proposers().names());
    scope.setVariable(Var.PROPOSER_IDS, draft.proposers().ids());
    scope.setVariable(Var.PROPOSER_PICKS, Spin.JSON(draft.proposerIds()));
  }

  static void drafted(VariableScope scope, Proposal proposal) {
    scope.setVariable(Var.PROPOSAL_ID, proposal.getId());
    scope.setVariable(Var.PROPOSERS, proposal.getProposers());
    scope.setVariable(Var.PROPOSER_IDS, proposal.getProposerIds() == null ? "" : proposal.getProposerIds());
  }

  static void reviewed(VariableScope scope, Proposal underWhich, String resultText) {
    scope.setVariable(Var.PROPOSAL_NUMBER, underWhich.getNumber() == null ? "" : underWhich.getNumber());
    scope.setVariable(Var.RESULT_TEXT, resultText);
  }

  static void resultText(VariableScope scope, String text) {
    scope.setVariable(Var.RESULT_TEXT, text);
  }

  /** 交办: the units, the reply deadline and what the reply clock counts it from. */
  static void assigned(VariableScope scope, Proposal proposal, String leadGroup, String leadUnitName, ProposalPolicy policy) {
    scope.setVariable(Var.LEAD_DEPARTMENT, proposal.getLeadUnit());
    scope.setVariable(Var.LEAD_GROUP, leadGroup);
    scope.setVariable(Var.CO_DEPARTMENTS, proposal.getCoUnits() == null ? "" : proposal.getCoUnits());
    scope.setVariable(Var.REPLY_DUE_FROM, Date.from(proposal.getAssignedAt()));
    scope.setVariable(Var.REPLY_DUE_PERIOD, policy.replyDue().toString());
    replyDue(scope, proposal.getReplyDueAt());
    scope.setVariable(Var.LEAD_UNIT_NAME, leadUnitName);
    scope.setVariable(Var.HANDLING_ROUND, 1);
    scope.setVariable(Var.MAX_HANDLING_ROUNDS, policy.maxHandlingRounds());
    scope.setVariable(Var.CLOCK_LABEL, "提案答复");
  }

  /** 二次办理: the next round, due a period from {@code from}. */
  static void reHandling(VariableScope scope, Proposal proposal, Instant from, ProposalPolicy policy) {
    scope.setVariable(Var.HANDLING_ROUND, handlingRound(scope) + 1);
    scope.setVariable(Var.REPLY_DUE_FROM, Date.from(from));
    scope.setVariable(Var.REPLY_DUE_PERIOD, policy.reHandlingDue().toString());
    replyDue(scope, proposal.getReplyDueAt());
  }

  private static void replyDue(VariableScope scope, Instant due) {
    scope.setVariable(Var.REPLY_DUE, Date.from(due));
    scope.setVariable(Var.REPLY_DUE_TEXT, dueText(due));
  }

  /** The reply deadline moved with the working calendar (issue #20): the text the forms show follows it. */
  static void replyDueMoved(RuntimeService runtime, String processInstanceId, Instant due) {
    runtime.setVariable(processInstanceId, Var.REPLY_DUE_TEXT, dueText(due));
  }

  static String dueText(Instant due) {
    return ChinaTime.of(due).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  /** After a reply (or a class after 回头看): its class, the evaluation window and the date of the next 回头看. */
  static void replied(VariableScope scope, Long replyId, String replyClass, ProposalService.AfterReply after) {
    replyId(scope, replyId);
    scope.setVariable(Var.REPLY_CLASS, replyClass);
    scope.setVariable(Var.REPLY_CLASS_LABEL, after.classLabel());
    scope.setVariable(Var.EVALUATION_DUE, Date.from(after.evaluationDue()));
    scope.setVariable(Var.FOLLOW_UP_AT, Date.from(after.followUpAt()));
  }

  /**
   * What the proposer said, or what the rules say in their place. The result and the round stay written for the
   * definitions deployed before {@code evaluationOutcome}, whose gateway still compares them.
   */
  static void evaluated(VariableScope scope, EvaluationResult result, boolean defaulted, EvaluationOutcome outcome) {
    scope.setVariable(Var.EVALUATION_RESULT, result.name());
    if (defaulted) scope.setVariable(Var.EVALUATION_DEFAULTED, true);
    scope.setVariable(Var.EVALUATION_OUTCOME, outcome.name());
  }

  static void concluded(VariableScope scope, boolean followUpNeeded, String resultText) {
    scope.setVariable(Var.FOLLOW_UP_NEEDED, followUpNeeded);
    resultText(scope, resultText);
  }

  // ---- what the forms submit ----

  static String title(DelegateTask task) {
    return Vars.text(task, Var.PROPOSAL_TITLE, "提案标题", true, 200);
  }

  static String reasons(DelegateTask task) {
    return Vars.text(task, Var.PROPOSAL_REASONS, "案由", true, 5000);
  }

  static String suggestions(DelegateTask task) {
    return Vars.text(task, Var.PROPOSAL_SUGGESTIONS, "建议", true, 5000);
  }

  /** The proposers picked on the form; none when nobody was (a draft begun before the pick list, or through the API). */
  static List<String> proposerPicks(DelegateTask task) {
    return list(task.getVariable(Var.PROPOSER_PICKS), "提案人");
  }

  /** The proposers typed as before the pick list, when none is picked: names and, optionally, accounts. */
  static ProposalDrafts.Proposers typedProposers(DelegateTask task) {
    return new ProposalDrafts.Proposers(Vars.text(task, Var.PROPOSER_IDS, "提案人账号", false, 500),
        Vars.text(task, Var.PROPOSERS, "提案人", true, 500));
  }

  static RegistrationDecision registrationDecision(DelegateTask task) {
    return Vars.choice(task, Var.REGISTRATION_DECISION, "审查意见", RegistrationDecision.class);
  }

  static String registrationComment(DelegateTask task) {
    return Vars.text(task, Var.REGISTRATION_COMMENT, "审查说明", true, 2000);
  }

  static String mergeIntoNumber(DelegateTask task) {
    return Vars.text(task, Var.MERGE_INTO_NUMBER, "并入提案号", false, 20);
  }

  static String leadUnit(DelegateTask task) {
    return Vars.text(task, Var.LEAD_UNIT, "主办单位", true, 40);
  }

  static List<String> coUnits(DelegateTask task) {
    return list(task.getVariable(Var.CO_UNITS), "协办单位");
  }

  static ContactWay contactWay(DelegateTask task) {
    return Vars.choice(task, Var.CONTACT_WAY, "沟通方式", ContactWay.class);
  }

  static LocalDate contactDate(DelegateTask task) {
    return date(Vars.text(task, Var.CONTACT_DATE, "沟通日期", true, 40), "沟通日期");
  }

  static String proposerView(DelegateTask task) {
    return Vars.text(task, Var.PROPOSER_VIEW, "提案者意见", true, 2000);
  }

  static String replyClass(DelegateTask task) {
    return Vars.text(task, Var.REPLY_CLASS, "答复类别", true, 10);
  }

  static String replyText(DelegateTask task) {
    return Vars.text(task, Var.REPLY_TEXT, "答复内容", true, 5000);
  }

  static EvaluationResult evaluationResult(DelegateTask task) {
    return Vars.choice(task, Var.EVALUATION_RESULT, "评价", EvaluationResult.class);
  }

  /** A reason is owed for 不满意 only. */
  static String evaluationComment(DelegateTask task, EvaluationResult result) {
    return Vars.text(task, Var.EVALUATION_COMMENT, "评价意见", result == EvaluationResult.DISSATISFIED, 2000);
  }

  static LocalDate date(String text, String label) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("「" + label + "」应为日期，如 2026-11-23");
    }
  }

  /** A taglist submits a JSON array; a text field "a,b"; nothing at all is an empty list. */
  static List<String> list(Object value, String label) {
    if (value == null) return List.of();
    if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) throw new BadUserRequestException("「" + label + "」应为列表");
      return json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    }
    if (value instanceof Collection<?> collection) return collection.stream().map(String::valueOf).toList();
    String text = value.toString().strip();
    if (text.startsWith("[")) return list(Spin.JSON(text), label);
    return ProposalService.codes(text);
  }
}
