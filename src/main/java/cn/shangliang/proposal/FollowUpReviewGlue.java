package cn.shangliang.proposal;

import cn.shangliang.forms.Vars;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The glue of {@link FollowUpReviewProcess} (回头看): every bean the model names but the evaluation and conclusion
 * steps it shares with ProposalProcess ({@code offerToProposers}, {@code recordProposalEvaluation},
 * {@code defaultProposalEvaluation}, {@code concludeProposal}: {@link ProposalGlue}'s), each calling the service.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpReviewGlue {

  @Bean
  JavaDelegate openFollowUpReview(ProposalService proposals, ProposalNotices notices) {
    return execution -> {
      ProposalRecords.Review review = proposals.openReview(ProposalVariables.proposalId(execution));
      FollowUpVariables.opened(execution, review);
      notices.reviewOpened(ProposalVariables.leadGroup(execution), review.round, ProposalVariables.quotedTitle(execution),
          ProposalVariables.trackingCode(execution));
    };
  }

  @Bean
  TaskListener recordSelfCheck(ProposalService proposals) {
    return task -> {
      long reviewId = FollowUpVariables.reviewId(task);
      String proposed = FollowUpVariables.proposedClass(task);
      proposals.selfCheck(reviewId, FollowUpVariables.progressReport(task), proposed, Vars.actor(task));
      FollowUpVariables.classified(task, proposed, proposals.stillPending(reviewId));
    };
  }

  @Bean
  JavaDelegate selectKeySupervision(ProposalService proposals, ProposalNotices notices) {
    return execution -> {
      KeySupervisionSelection selection = proposals.selectForKeySupervision(FollowUpVariables.reviewId(execution));
      FollowUpVariables.selected(execution, selection);
      if (selection.isSelected()) {
        notices.keySupervision(ProposalVariables.proposalNumber(execution), selection.reasonText(),
            ProposalVariables.quotedTitle(execution), ProposalVariables.trackingCode(execution));
      }
    };
  }

  @Bean
  TaskListener recordInspection(ProposalService proposals) {
    return task -> {
      long reviewId = FollowUpVariables.reviewId(task);
      String confirmed = FollowUpVariables.inspectedClass(task);
      proposals.inspect(reviewId, FollowUpVariables.inspectionFindings(task), confirmed, Vars.actor(task));
      FollowUpVariables.classified(task, confirmed, proposals.stillPending(reviewId));
    };
  }

  @Bean
  TaskListener recordCauseReview(ProposalService proposals, ProposalNotices notices) {
    return task -> {
      Instant due = proposals.causeReview(FollowUpVariables.reviewId(task), FollowUpVariables.causes(task),
          FollowUpVariables.secondHandlingDue(task), Vars.actor(task));
      FollowUpVariables.secondHandlingDue(task, due);
      notices.secondHandling(ProposalVariables.leadGroup(task), due, ProposalVariables.quotedTitle(task),
          ProposalVariables.trackingCode(task));
    };
  }

  @Bean
  TaskListener recordSecondHandling(ProposalService proposals) {
    return task -> {
      String newClass = FollowUpVariables.newClass(task);
      ProposalRecords.Reply reply = proposals.reply(ProposalVariables.proposalId(task), ReplyKind.SECOND_HANDLING,
          FollowUpVariables.reviewRound(task), newClass, FollowUpVariables.handlingReport(task), null, Vars.actor(task));
      FollowUpVariables.secondHandled(task, newClass, reply.getId());
    };
  }

  @Bean
  JavaDelegate reclassifyProposal(ProposalService proposals, ProposalNotices notices) {
    return execution -> {
      String newClass = FollowUpVariables.currentClass(execution);
      proposals.reclassify(FollowUpVariables.reviewId(execution), newClass);
      ProposalVariables.replied(execution, ProposalVariables.replyId(execution), newClass, proposals.afterReply(newClass));
      notices.reclassified(ProposalVariables.proposerIds(execution), newClass, ProposalVariables.quotedTitle(execution),
          ProposalVariables.trackingCode(execution));
    };
  }
}
