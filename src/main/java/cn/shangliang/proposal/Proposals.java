package cn.shangliang.proposal;

import cn.shangliang.consultation.Vars;
import cn.shangliang.intake.DemandRecords;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/** Drafting and registration review of proposals, and the glue {@code ${draftProposal}}, {@code ${reviewRegistration}}. */
@Configuration(proxyBeanMethods = false)
class Proposals {

  @Bean
  TaskListener draftProposal(ProposalRepository proposals, DemandRecords demands, Clock clock) {
    return task -> {
      long demandId = ((Number) task.getVariable("demandId")).longValue();
      Proposal proposal = proposals.save(new Proposal(demandId, Vars.text(task, "proposalTitle", "提案标题", true, 200),
          Vars.text(task, "proposalReasons", "案由", true, 5000), Vars.text(task, "proposalSuggestions", "建议", true, 5000),
          Vars.text(task, "proposers", "提案人", true, 500), clock.instant(), Vars.actor(task)));
      task.setVariable(ProposalProcess.VAR_PROPOSAL_ID, proposal.getId());
      demands.event(demandId, Vars.actor(task), "PROPOSAL_DRAFTED", "起草提案：" + proposal.getTitle(), null);
    };
  }

  @Bean
  TaskListener reviewRegistration(ProposalRepository proposals, DemandRecords demands, Clock clock) {
    return task -> {
      Proposal proposal = proposals.findById(((Number) task.getVariable(ProposalProcess.VAR_PROPOSAL_ID)).longValue()).orElseThrow();
      RegistrationDecision decision = Vars.choice(task, "registrationDecision", "审查意见", RegistrationDecision.class);
      String comment = Vars.text(task, "registrationComment", "审查说明", true, 2000);
      proposal.review(decision, comment, clock.instant(), Vars.actor(task));
      proposals.save(proposal);
      task.setVariable("resultText", "提案「" + proposal.getTitle() + "」" + decision.label() + "：" + comment);
      demands.event(proposal.getDemandId(), Vars.actor(task), "PROPOSAL_REVIEWED", decision.label() + "：" + comment,
          cn.shangliang.intake.DemandStatus.HANDLED);
    };
  }
}

interface ProposalRepository extends JpaRepository<Proposal, Long> {
  @Transactional(readOnly = true)
  List<Proposal> findByDemandIdOrderByDraftedAtAsc(Long demandId);
}

@Configuration(proxyBeanMethods = false)
class ProposalsView {
  record ProposalView(String title, String reasons, String suggestions, String proposers, String registrationDecision,
      String registrationComment) {}

  @Bean
  cn.shangliang.intake.DemandRecordsContributor proposalsContributor(ProposalRepository proposals) {
    return cn.shangliang.intake.DemandRecordsContributor.of("proposals", demandId ->
        proposals.findByDemandIdOrderByDraftedAtAsc(demandId).stream().map(p -> new ProposalView(p.getTitle(),
            p.getReasons(), p.getSuggestions(), p.getProposers(), p.getRegistrationDecision(), p.getRegistrationComment())).toList());
  }
}
