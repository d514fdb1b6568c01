package cn.shangliang.proposal;

import cn.shangliang.forms.Vars;
import cn.shangliang.organisation.Departments;
import cn.shangliang.sla.ReplyClocks;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The glue of {@link ProposalProcess}: every bean the model names, each calling a service — draft, 立案审查, 交办,
 * 沟通协商, reply with its class, evaluation (or its default after the window), re-handling, conclusion. The
 * evaluation, its default, the conclusion and {@code offerToProposers} serve FollowUpReviewProcess too. The reply
 * clock's beans ({@code startReplyClock}, reminder, breach, supervision, co-unit opinion) are the reply clock's own.
 * Decisions are the services' and the policy's; the gateways read the outcome variables the beans write.
 */
@Configuration(proxyBeanMethods = false)
class ProposalGlue {

  /** One option of a Camunda Forms select, label first. */
  static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  @Bean
  JavaDelegate prepareProposalDraft(ProposalDrafts drafts, ProposalService proposals) {
    return execution -> {
      ProposalVariables.draftSuggested(execution, drafts.suggest(ProposalVariables.demandId(execution)));
      ProposalVariables.options(execution, proposals.scheme().options(), proposals.unitOptions());
    };
  }

  /** The members to pick the proposers from, by name, on the draft form. */
  @Bean
  TaskListener offerMemberOptions(ProposalDrafts drafts) {
    return task -> ProposalVariables.memberOptions(task, drafts.memberOptions());
  }

  /** The proposers (members with an account) may take the draft and the evaluation themselves. */
  @Bean
  TaskListener offerToProposers() {
    return task -> ProposalVariables.proposerIds(task).forEach(task::addCandidateUser);
  }

  @Bean
  TaskListener draftProposal(ProposalService proposals, ProposalDrafts drafts) {
    return task -> {
      List<String> picks = ProposalVariables.proposerPicks(task);
      ProposalDrafts.Proposers proposers = picks.isEmpty() ? ProposalVariables.typedProposers(task) : drafts.picked(picks);
      ProposalVariables.drafted(task, proposals.draft(ProposalVariables.demandId(task), ProposalVariables.title(task),
          ProposalVariables.reasons(task), ProposalVariables.suggestions(task), proposers.names(), proposers.ids(),
          Vars.actor(task)));
    };
  }

  /** This year's registered proposals, 「2026-001 关于…的提案」, to pick 并入提案号 from when merging. */
  @Bean
  TaskListener offerMergeTargets(ProposalService proposals) {
    return task -> ProposalVariables.mergeTargetOptions(task,
        proposals.mergeTargets().stream().map(p -> option(p.getNumber() + " " + p.getTitle(), p.getNumber())).toList());
  }

  @Bean
  TaskListener reviewRegistration(ProposalService proposals) {
    return task -> {
      RegistrationDecision decision = ProposalVariables.registrationDecision(task);
      String comment = ProposalVariables.registrationComment(task);
      Proposal underWhich = proposals.review(ProposalVariables.proposalId(task), decision, comment,
          ProposalVariables.mergeIntoNumber(task), Vars.actor(task));
      ProposalVariables.reviewed(task, underWhich, ProposalService.reviewText(decision, underWhich, comment));
    };
  }

  @Bean
  TaskListener assignProposal(ProposalService proposals, ProposalNotices notices) {
    return task -> {
      Proposal proposal = proposals.assign(ProposalVariables.proposalId(task), ProposalVariables.leadUnit(task),
          ProposalVariables.coUnits(task), Vars.actor(task));
      ProposalVariables.assigned(task, proposal, Departments.groupOf(proposal.getLeadUnit()),
          proposals.unitName(proposal.getLeadUnit()), proposals.policy());
      notices.assigned(proposal, ProposalVariables.quotedTitle(task), ProposalVariables.trackingCode(task));
    };
  }

  @Bean
  TaskListener recordProposerContact(ProposalService proposals) {
    return task -> proposals.contact(ProposalVariables.proposalId(task), ProposalVariables.handlingRound(task),
        ProposalVariables.contactWay(task), ProposalVariables.contactDate(task), ProposalVariables.proposerView(task),
        Vars.actor(task));
  }

  @Bean
  TaskListener recordProposalReply(ProposalService proposals, ReplyClocks clocks, ProposalNotices notices) {
    return task -> {
      int round = ProposalVariables.handlingRound(task);
      String replyClass = ProposalVariables.replyClass(task);
      long clockId = ProposalVariables.replyClockId(task);
      ProposalRecords.Reply reply = proposals.reply(ProposalVariables.proposalId(task),
          round == 1 ? ReplyKind.FIRST : ReplyKind.RE_HANDLING, round, replyClass, ProposalVariables.replyText(task), clockId,
          Vars.actor(task));
      clocks.replied(clockId);
      ProposalVariables.replied(task, reply.getId(), replyClass, proposals.afterReply(replyClass));
      notices.replied(ProposalVariables.proposerIds(task), replyClass, ProposalVariables.quotedTitle(task),
          ProposalVariables.trackingCode(task));
    };
  }

  @Bean
  TaskListener recordProposalEvaluation(ProposalService proposals) {
    return task -> {
      EvaluationResult result = ProposalVariables.evaluationResult(task);
      EvaluationOutcome outcome = proposals.evaluate(ProposalVariables.proposalId(task), ProposalVariables.replyId(task),
          ProposalVariables.handlingRound(task), result, ProposalVariables.evaluationComment(task, result), false,
          Vars.actor(task));
      ProposalVariables.evaluated(task, result, false, outcome);
    };
  }

  @Bean
  JavaDelegate defaultProposalEvaluation(ProposalService proposals) {
    return execution -> {
      EvaluationOutcome outcome = proposals.evaluate(ProposalVariables.proposalId(execution),
          ProposalVariables.replyId(execution), ProposalVariables.handlingRound(execution), EvaluationResult.SATISFIED,
          null, true, "system");
      ProposalVariables.evaluated(execution, EvaluationResult.SATISFIED, true, outcome);
    };
  }

  @Bean
  JavaDelegate startProposalReHandling(ProposalService proposals, ProposalNotices notices, Clock clock) {
    return execution -> {
      Instant from = clock.instant();
      Proposal proposal = proposals.reHandling(ProposalVariables.proposalId(execution), from);
      ProposalVariables.reHandling(execution, proposal, from, proposals.policy());
      notices.reHandling(ProposalVariables.leadGroup(execution), proposal, ProposalVariables.quotedTitle(execution),
          ProposalVariables.trackingCode(execution));
    };
  }

  @Bean
  JavaDelegate concludeProposal(ProposalService proposals) {
    return execution -> {
      Proposal proposal = proposals.conclude(ProposalVariables.proposalId(execution));
      ProposalVariables.concluded(execution, proposal.getStatus() == ProposalStatus.FOLLOW_UP_PENDING,
          proposals.conclusionText(proposal));
    };
  }

  /** 安排回头看: a FollowUpReviewProcess for the proposal, waiting for its timer. */
  @Bean
  JavaDelegate scheduleFollowUp() {
    return execution -> execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
        FollowUpReviewProcess.KEY, execution.getProcessBusinessKey(), ProposalVariables.followUpInputs(execution));
  }
}
