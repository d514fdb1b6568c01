package cn.shangliang.publicity;

import cn.shangliang.forms.Vars;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.sla.SupervisionAction;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every bean {@code processes/publicity/PublicityProcess.bpmn} names, and nothing else: each reads what the model or the
 * form holds ({@link PublicityVariables}, {@link Vars}), calls one service ({@link PublicityNotices},
 * {@link PublicResponses}) and writes back what the model goes on with; the gateways read the outcomes written here.
 */
@Configuration(proxyBeanMethods = false)
class PublicityGlue {

  @Bean
  JavaDelegate publishNotice(PublicityNotices notices, @Value("${shangliang.publicity.period:P7D}") Duration period) {
    return execution -> {
      PublicityNotice notice = notices.publish(PublicityVariables.demandId(execution), PublicityVariables.route(execution),
          PublicityVariables.leadDepartment(execution), PublicityVariables.resultText(execution), period,
          PublicityVariables.handlingRound(execution));
      PublicityVariables.setNotice(execution, notice.getId(), period);
    };
  }

  @Bean
  JavaDelegate closePublicity(PublicityNotices notices) {
    return execution -> notices.close(PublicityVariables.noticeId(execution));
  }

  @Bean
  TaskListener reviewObjection(PublicResponses responses) {
    return task -> {
      boolean upheld = PublicResponses.upholds(Vars.text(task, "objectionDecision", "处理意见", true, 20));
      String answer = Vars.text(task, "objectionAnswer", "答复意见", true, 2000);
      responses.decide(PublicityVariables.objectionId(task), upheld, answer, Vars.actor(task));
      PublicityVariables.setObjectionUpheld(task, upheld);
    };
  }

  @Bean
  JavaDelegate publishObjectionAnswer(PublicResponses responses) {
    return execution -> responses.publishAnswer(PublicityVariables.objectionId(execution));
  }

  @Bean
  JavaDelegate withdrawNotice(PublicResponses responses) {
    return execution -> {
      responses.withdraw(PublicityVariables.noticeId(execution));
      PublicityVariables.setWithdrawn(execution);
    };
  }

  @Bean
  JavaDelegate openEvaluations(PublicResponses responses) {
    return execution -> PublicityVariables.setEvaluationDueAt(execution, responses.openEvaluations(
        PublicityVariables.demandId(execution), PublicityVariables.handlingRound(execution),
        PublicityVariables.leadDepartment(execution)));
  }

  @Bean
  JavaDelegate recordNoAnswer(PublicResponses responses) {
    return execution -> responses.noAnswer(PublicityVariables.demandId(execution), PublicityVariables.handlingRound(execution));
  }

  @Bean
  JavaDelegate concludeEvaluations(PublicResponses responses) {
    return execution -> PublicityVariables.setConcluded(execution, responses.conclude(PublicityVariables.demandId(execution),
        PublicityVariables.handlingRound(execution), PublicityVariables.secondHandlingDone(execution),
        PublicityVariables.trackingCode(execution)));
  }

  @Bean
  TaskListener recordUnsatisfiedSupervision(DemandRecords demands) {
    return task -> {
      String action = Vars.choice(task, "supervisionAction", "督办方式", SupervisionAction.class).label();
      String note = Vars.text(task, "supervisionNote", "督办情况", true, 2000);
      demands.event(PublicityVariables.demandId(task), Vars.actor(task), "SUPERVISED", "不满意督办（" + action + "）：" + note, null);
      PublicityVariables.setSupervised(task);
    };
  }
}
