package cn.shangliang.handling;

import cn.shangliang.forms.Vars;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.sla.ReplyClocks;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Glue of DepartmentReplyProcess: {@code ${startReplyClock}}, {@code ${coHandlers}}, {@code ${recordCoOpinion}} (these
 * three also in ProposalProcess, which calls the same clock), {@code ${recordReply}}, {@code ${reviewReply}}; the
 * running clock's steps are in {@link ReplyClockGlue}.
 */
@Configuration(proxyBeanMethods = false)
class DepartmentReplyGlue {

  /** The caller starts the clock and keeps its id: the reply stops it, a returned reply goes on with it. */
  @Bean
  JavaDelegate startReplyClock(ReplyClockSteps steps) {
    return execution -> steps.start(ReplyClockVariables.of(execution));
  }

  /** {@code ${coHandlers.groups(coDepartments)}}: one opinion task per co-department's group. */
  @Bean
  CoHandlers coHandlers() {
    return new CoHandlers();
  }

  @Bean
  TaskListener recordReply(DepartmentReplies replies, ReplyClocks clocks) {
    return task -> {
      DepartmentReplyVariables vars = DepartmentReplyVariables.of(task);
      clocks.replied(vars.clockId());
      vars.replyId(replies.reply(vars.demandId(), vars.leadDepartment(), vars.resultText(), vars.replyDue(),
          Vars.actor(task)).getId());
    };
  }

  @Bean
  TaskListener recordCoOpinion(DepartmentReplies replies) {
    return task -> {
      DepartmentReplyVariables vars = DepartmentReplyVariables.of(task);
      vars.addCoOpinion(replies.coOpinion(vars.demandId(), vars.coDepartment(), vars.coOpinion(), Vars.actor(task)));
    };
  }

  @Bean
  TaskListener reviewReply(DepartmentReplies replies, ReplyClocks clocks, Notifications notifications) {
    return task -> {
      DepartmentReplyVariables vars = DepartmentReplyVariables.of(task);
      ReviewResult result = vars.reviewDecision();
      String comment = vars.reviewComment(result == ReviewResult.RETURN);
      replies.review(vars.replyId(), result, comment, Vars.actor(task));
      if (result == ReviewResult.ACCEPT) clocks.accepted(vars.clockId(), vars.resolved());
      if (result == ReviewResult.RETURN) {
        notifications.toGroup(vars.leadGroup(), "RETURNED", "答复被退回：" + vars.title(),
            "退回意见：" + comment + "（原答复时限继续计算）", vars.trackingCode());
      }
      vars.accepted(result == ReviewResult.ACCEPT);
    };
  }
}
