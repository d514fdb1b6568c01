package cn.shangliang.proposal;

import cn.shangliang.sla.ReplyClockRetimed;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A proposal's reply deadline moved with a new holiday notice (issue #20): the proposal's own record and the text the
 * task forms show follow the reply clock, in the same transaction.
 */
@Component
class ProposalRetiming {
  private final ProposalService proposals;
  private final RuntimeService runtime;

  ProposalRetiming(ProposalService proposals, RuntimeService runtime) {
    this.proposals = proposals;
    this.runtime = runtime;
  }

  @EventListener
  void replyClockRetimed(ReplyClockRetimed retimed) {
    if (retimed.before().due().equals(retimed.after().due())) return;
    Long proposalId = ProposalVariables.proposalId(runtime, retimed.processInstanceId());
    if (proposalId == null) return; // a department reply, not a proposal
    Instant due = retimed.after().due();
    proposals.replyDueMoved(proposalId, due);
    ProposalVariables.replyDueMoved(runtime, retimed.processInstanceId(), due);
  }
}
