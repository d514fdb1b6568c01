package cn.shangliang.publicity;

import cn.shangliang.forms.Vars;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.organisation.Departments;
import cn.shangliang.privacy.Masking;
import cn.shangliang.routing.Route;
import cn.shangliang.rules.RulesService;
import cn.shangliang.sla.SupervisionAction;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes and closes notices; glue {@code ${publishNotice}}, {@code ${closePublicity}}. */
@Service
public class PublicityNotices {
  private final PublicityNoticeRepository notices;
  private final DemandRecords demands;
  private final RulesService rules;
  private final Clock clock;

  PublicityNotices(PublicityNoticeRepository notices, DemandRecords demands, RulesService rules, Clock clock) {
    this.notices = notices;
    this.demands = demands;
    this.rules = rules;
    this.clock = clock;
  }

  @Transactional
  public PublicityNotice publish(long demandId, String route, String leadDepartment, String result, Duration period, int round) {
    Demand demand = demands.demand(demandId);
    String unit = leadDepartment == null ? "政协委员" : rules.current().data(Departments.class).name(leadDepartment).orElse(leadDepartment);
    String routeLabel = route == null ? "" : Route.valueOf(route).label();
    Instant now = clock.instant();
    String person = demand.getSubmitterName();
    PublicityNotice notice = notices.save(new PublicityNotice(demandId, demand.getTrackingCode(),
        Masking.freeText(demand.getTitle(), person), route == null ? "ON_SITE" : route, unit,
        Masking.freeText(result == null ? "已办理" : result, person), now, now.plus(period), round));
    demands.event(demandId, "system", "PUBLISHED", (round > 1 ? "二次办理结果" : "办理结果") + "公示至 "
        + ChinaTime.text(notice.getClosesAt()), DemandStatus.PUBLICIZING);
    return notice;
  }

  @Transactional
  public void close(long noticeId) {
    PublicityNotice notice = notices.findById(noticeId).orElseThrow();
    notice.close(clock.instant());
    demands.event(notice.getDemandId(), "system", "PUBLICITY_CLOSED", "公示期满", null);
  }

  /** The publicity board: every notice, newest first. */
  @Transactional(readOnly = true)
  public Page<PublicityNotice> board(int page, int size) {
    return notices.findAllByOrderByPublishedAtDescIdDesc(PageRequest.of(page, size));
  }

  @Transactional(readOnly = true)
  public List<PublicityNotice> of(long demandId) {
    return notices.findByDemandIdOrderByPublishedAtAsc(demandId);
  }
}

interface PublicityNoticeRepository extends JpaRepository<PublicityNotice, Long> {
  List<PublicityNotice> findByDemandIdOrderByPublishedAtAsc(Long demandId);

  Page<PublicityNotice> findAllByOrderByPublishedAtDescIdDesc(
      Pageable page);
}

@Configuration(proxyBeanMethods = false)
class PublicityDelegates {

  @Bean
  JavaDelegate publishNotice(PublicityNotices notices, @Value("${shangliang.publicity.period:P7D}") Duration period) {
    return execution -> {
      PublicityNotice notice = notices.publish(((Number) execution.getVariable("demandId")).longValue(),
          (String) execution.getVariable("route"), (String) execution.getVariable("leadDepartment"),
          (String) execution.getVariable("resultText"), period, round(execution));
      execution.setVariable(PublicityProcess.VAR_NOTICE_ID, notice.getId());
      execution.setVariable(PublicityProcess.VAR_PERIOD, period.toString());
    };
  }

  @Bean
  JavaDelegate closePublicity(PublicityNotices notices) {
    return execution -> notices.close(((Number) execution.getVariable(PublicityProcess.VAR_NOTICE_ID)).longValue());
  }

  static int round(VariableScope scope) {
    Object round = scope.getVariable("handlingRound");
    return round == null ? 1 : ((Number) round).intValue();
  }

  static long noticeId(VariableScope scope) {
    return ((Number) scope.getVariable(PublicityProcess.VAR_NOTICE_ID)).longValue();
  }

  static long objectionId(VariableScope scope) {
    return ((Number) scope.getVariable("objectionId")).longValue();
  }

  @Bean
  TaskListener reviewObjection(PublicResponses responses) {
    return task -> {
      String decision = Vars.text(task, "objectionDecision", "处理意见", true, 20);
      if (!decision.equals("UPHOLD") && !decision.equals("DISMISS")) {
        throw new BadUserRequestException("「处理意见」的取值无效：" + decision);
      }
      String answer = Vars.text(task, "objectionAnswer", "答复意见", true, 2000);
      responses.decide(objectionId(task), decision.equals("UPHOLD"), answer, Vars.actor(task));
      // local to this objection's path: two objections in review at once do not see each other's decision
      task.getExecution().setVariableLocal("objectionUpheld", decision.equals("UPHOLD"));
    };
  }

  @Bean
  JavaDelegate publishObjectionAnswer(PublicResponses responses) {
    return execution -> responses.publishAnswer(objectionId(execution));
  }

  @Bean
  JavaDelegate withdrawNotice(PublicResponses responses) {
    return execution -> {
      responses.withdraw(noticeId(execution));
      execution.getProcessInstance().setVariable(PublicityProcess.VAR_OUTCOME, PublicityProcess.Outcome.SECOND_HANDLING.name());
      execution.getProcessInstance().setVariable(PublicityProcess.VAR_SECOND_HANDLING_REASON, "OBJECTION");
    };
  }

  @Bean
  JavaDelegate openEvaluations(PublicResponses responses) {
    return execution -> {
      var opened = responses.open(((Number) execution.getVariable("demandId")).longValue(), round(execution),
          (String) execution.getVariable("leadDepartment"));
      Instant due = opened.stream().map(SatisfactionEvaluation::getDueAt).max(Comparator.naturalOrder())
          .orElse(Instant.now());
      execution.setVariable("evaluationDueAt", Date.from(due));
    };
  }

  @Bean
  JavaDelegate recordNoAnswer(PublicResponses responses) {
    return execution -> responses.noAnswer(((Number) execution.getVariable("demandId")).longValue(), round(execution));
  }

  /** 不满意 from anyone: second handling once, then supervision; otherwise the matter is closed. */
  @Bean
  JavaDelegate concludeEvaluations(PublicResponses responses, DemandRecords demands,
      Notifications notifications) {
    return execution -> {
      long matterId = ((Number) execution.getVariable("demandId")).longValue();
      var all = responses.of(matterId, round(execution));
      long unsatisfied = all.stream().filter(e -> e.getRating() == SatisfactionEvaluation.Rating.UNSATISFIED).count();
      long answered = all.stream().filter(e -> e.getStatus() == SatisfactionEvaluation.Status.ANSWERED).count();
      boolean secondDone = Boolean.TRUE.equals(execution.getVariable("secondHandlingDone"));
      PublicityProcess.Outcome outcome = unsatisfied == 0 ? PublicityProcess.Outcome.CLOSED
          : secondDone ? PublicityProcess.Outcome.SUPERVISION : PublicityProcess.Outcome.SECOND_HANDLING;
      execution.setVariable(PublicityProcess.VAR_OUTCOME, outcome.name());
      if (outcome == PublicityProcess.Outcome.SECOND_HANDLING) {
        execution.setVariable(PublicityProcess.VAR_SECOND_HANDLING_REASON, "UNSATISFIED");
      }
      String summary = "回访结束：" + all.size() + "人应评，" + answered + "人已评，" + unsatisfied + "人不满意";
      demands.event(matterId, "system", "EVALUATIONS_CONCLUDED", summary + switch (outcome) {
        case CLOSED -> "，办结";
        case SECOND_HANDLING -> "，转二次办理";
        case SUPERVISION -> "，二次办理后仍不满意，转督查督办";
      }, null); // the matter closes when its last process ends (consultation.MatterLifecycle)
      if (outcome == PublicityProcess.Outcome.SUPERVISION) {
        notifications.toGroup("supervisor", "UNSATISFIED", "群众二次办理后仍不满意：" + execution.getVariable("trackingCode"),
            summary + "，请督查督办。", (String) execution.getVariable("trackingCode"));
      }
    };
  }

  @Bean
  TaskListener recordUnsatisfiedSupervision(DemandRecords demands) {
    return task -> {
      String action = Vars.choice(task, "supervisionAction", "督办方式",
          SupervisionAction.class).label();
      String note = Vars.text(task, "supervisionNote", "督办情况", true, 2000);
      demands.event(((Number) task.getVariable("demandId")).longValue(), Vars.actor(task),
          "SUPERVISED", "不满意督办（" + action + "）：" + note, null);
      task.setVariable(PublicityProcess.VAR_OUTCOME, PublicityProcess.Outcome.CLOSED.name());
    };
  }
}

@Configuration(proxyBeanMethods = false)
class PublicityNoticesView {
  record NoticeView(String id, String title, String route, String handlingUnit, String result,
      OffsetDateTime publishedAt, OffsetDateTime closesAt, OffsetDateTime closedAt) {}

  @Bean
  DemandRecordsContributor noticesContributor(PublicityNotices notices) {
    return DemandRecordsContributor.of("publicityNotices", demandId ->
        notices.of(demandId).stream().map(n -> new NoticeView(String.valueOf(n.getId()), n.getTitle(), n.getRoute(),
            n.getHandlingUnit(), n.getResult(), at(n.getPublishedAt()), at(n.getClosesAt()), at(n.getClosedAt()))).toList());
  }

  static OffsetDateTime at(Instant instant) {
    return ChinaTime.of(instant);
  }
}
