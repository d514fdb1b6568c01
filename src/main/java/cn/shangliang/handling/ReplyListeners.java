package cn.shangliang.handling;

import cn.shangliang.forms.Vars;
import cn.shangliang.handling.DepartmentReplyProcess.Var;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.sla.ReplyClocks;
import java.util.Date;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Glue of DepartmentReplyProcess: {@code ${recordReply}}, {@code ${reviewReply}}. */
@Configuration(proxyBeanMethods = false)
class ReplyListeners {

  @Bean
  TaskListener recordReply(DepartmentReplies replies, ReplyClocks clocks) {
    return task -> {
      clocks.replied(ClockListeners.clockId(task));
      Date due = (Date) task.getVariable(Var.REPLY_DUE);
      DepartmentReply reply = replies.reply(((Number) task.getVariable("demandId")).longValue(),
          (String) task.getVariable("leadDepartment"), Vars.text(task, "resultText", "答复意见", true, 2000),
          due == null ? null : due.toInstant(), Vars.actor(task));
      task.setVariable(Var.REPLY_ID, reply.getId());
    };
  }

  @Bean
  TaskListener reviewReply(DepartmentReplies replies, ReplyClocks clocks,
      Notifications notifications) {
    return task -> {
      ReviewResult result = Vars.choice(task, "reviewDecision", "审核意见", ReviewResult.class);
      String comment = Vars.text(task, Var.REVIEW_COMMENT, "审核说明", result == ReviewResult.RETURN, 2000);
      replies.review(((Number) task.getVariable(Var.REPLY_ID)).longValue(), result, comment, Vars.actor(task));
      if (result == ReviewResult.ACCEPT) clocks.accepted(ClockListeners.clockId(task), Vars.flag(task, "resolved"));
      if (result == ReviewResult.RETURN) {
        notifications.toGroup((String) task.getVariable("leadGroup"), "RETURNED", "答复被退回：" + ClockListeners.title(task),
            "退回意见：" + comment + "（原答复时限继续计算）", (String) task.getVariable("trackingCode"));
      }
      task.setVariable(Var.ACCEPTED, result == ReviewResult.ACCEPT);
    };
  }
}
