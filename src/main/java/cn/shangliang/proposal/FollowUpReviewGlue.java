package cn.shangliang.proposal;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.forms.Vars;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.proposal.ProposalProcess.Var;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The glue of FollowUpReviewProcess (回头看). */
@Configuration(proxyBeanMethods = false)
class FollowUpReviewGlue {
  static final String CURRENT_CLASS = "currentClass";

  static long reviewId(VariableScope scope) {
    return ((Number) scope.getVariable(FollowUpReviewProcess.REVIEW_ID)).longValue();
  }

  @Bean
  JavaDelegate openFollowUpReview(ProposalService proposals, Notifications notifications) {
    return execution -> {
      ProposalRecords.Review review = proposals.openReview(ProposalGlue.proposalId(execution));
      execution.setVariable(FollowUpReviewProcess.REVIEW_ID, review.getId());
      execution.setVariable("reviewRound", review.round);
      execution.setVariable(CURRENT_CLASS, review.classBefore);
      execution.removeVariable("keySupervision");
      execution.removeVariable(Var.REPLY_ID);
      notifications.toGroup((String) execution.getVariable("leadGroup"), "FOLLOW_UP", "提案回头看：" + ProposalGlue.title(execution),
          "第" + review.round + "轮回头看开始，请对照答复逐项自查办理进展并提出新的类别建议。",
          (String) execution.getVariable("trackingCode"));
    };
  }

  @Bean
  TaskListener recordSelfCheck(ProposalService proposals) {
    return task -> {
      String proposed = Vars.text(task, "proposedClass", "建议类别", true, 10);
      proposals.selfCheck(reviewId(task), Vars.text(task, "progressReport", "办理进展", true, 5000), proposed, Vars.actor(task));
      task.setVariable(CURRENT_CLASS, proposed);
    };
  }

  @Bean
  JavaDelegate selectKeySupervision(ProposalService proposals, Notifications notifications) {
    return execution -> {
      KeySupervisionSelection selection = proposals.selectForKeySupervision(reviewId(execution));
      execution.setVariable("keySupervision", selection.isSelected());
      execution.setVariable("selectionReasons", selection.isSelected()
          ? String.join("；", selection.reasons().stream().map(SelectionReason::reason).toList()) : "未入选");
      if (selection.isSelected()) {
        notifications.toGroup("leadership", "KEY_SUPERVISION", "回头看重点督办：" + ProposalGlue.title(execution),
            "提案第" + execution.getVariable(Var.PROPOSAL_NUMBER) + "号列为重点督办（"
                + execution.getVariable("selectionReasons") + "），请带队督查。", (String) execution.getVariable("trackingCode"));
      }
    };
  }

  @Bean
  TaskListener recordInspection(ProposalService proposals) {
    return task -> {
      String confirmed = Vars.text(task, "inspectedClass", "认定类别", true, 10);
      proposals.inspect(reviewId(task), Vars.text(task, "inspectionFindings", "督查情况", true, 5000), confirmed, Vars.actor(task));
      task.setVariable(CURRENT_CLASS, confirmed);
    };
  }

  @Bean
  TaskListener recordCauseReview(ProposalService proposals, Notifications notifications) {
    return task -> {
      Instant due = proposals.causeReview(reviewId(task), Vars.text(task, "causes", "原因和存在问题", true, 5000),
          ProposalGlue.date(Vars.text(task, "secondHandlingDue", "二次办理期限", true, 40), "二次办理期限"), Vars.actor(task));
      task.setVariable("secondHandlingDueAt", Date.from(due));
      task.setVariable("secondHandlingDueText", ProposalGlue.dueText(due));
      notifications.toGroup((String) task.getVariable("leadGroup"), "RETURNED", "回头看二次办理：" + ProposalGlue.title(task),
          "经查找原因，请于" + ChinaTime.of(due).toLocalDate() + "前完成二次办理并重新答复。",
          (String) task.getVariable("trackingCode"));
    };
  }

  @Bean
  TaskListener recordSecondHandling(ProposalService proposals, CalendarService calendars, Clock clock) {
    return task -> {
      String newClass = Vars.text(task, "newClass", "办理后类别", true, 10);
      ProposalRecords.Reply reply = proposals.reply(ProposalGlue.proposalId(task), ReplyKind.SECOND_HANDLING,
          ((Number) task.getVariable("reviewRound")).intValue(), newClass,
          Vars.text(task, "handlingReport", "二次办理情况", true, 5000), null, Vars.actor(task));
      task.setVariable(CURRENT_CLASS, newClass);
      task.setVariable(Var.REPLY_ID, reply.getId());
    };
  }

  @Bean
  JavaDelegate reclassifyProposal(ProposalService proposals, CalendarService calendars, Clock clock, Notifications notifications) {
    return execution -> {
      String newClass = (String) execution.getVariable(CURRENT_CLASS);
      proposals.reclassify(reviewId(execution), newClass);
      Object replyId = execution.getVariable(Var.REPLY_ID);
      ProposalGlue.afterReply(execution, replyId == null ? null : ((Number) replyId).longValue(), newClass, proposals, calendars,
          clock.instant());
      ProposalGlue.notifyProposers(execution, notifications, "回头看结果：" + ProposalGlue.title(execution),
          "提案经回头看改定为" + proposals.scheme().label(newClass) + "，请在" + proposals.policy().evaluationWindow().getDays()
              + "日内再次评价。");
    };
  }
}
