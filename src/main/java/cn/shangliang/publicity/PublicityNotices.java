package cn.shangliang.publicity;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.routing.Departments;
import cn.shangliang.routing.Route;
import cn.shangliang.rules.RulesService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
  public PublicityNotice publish(long demandId, String route, String leadDepartment, String result, Duration period) {
    Demand demand = demands.demand(demandId);
    String unit = leadDepartment == null ? "政协委员" : rules.current().data(Departments.class).name(leadDepartment).orElse(leadDepartment);
    String routeLabel = route == null ? "" : Route.valueOf(route).label();
    Instant now = clock.instant();
    String person = demand.getSubmitterName();
    PublicityNotice notice = notices.save(new PublicityNotice(demandId, demand.getTrackingCode(),
        Masking.freeText(demand.getTitle(), person), route == null ? "ON_SITE" : route, unit,
        Masking.freeText(result == null ? "已办理" : result, person), now, now.plus(period)));
    demands.event(demandId, "system", "PUBLISHED", "办理结果公示至 " + notice.getClosesAt(), DemandStatus.PUBLICIZING);
    return notice;
  }

  @Transactional
  public void close(long noticeId) {
    PublicityNotice notice = notices.findById(noticeId).orElseThrow();
    notice.close(clock.instant());
    demands.event(notice.getDemandId(), "system", "PUBLICITY_CLOSED", "公示期满", DemandStatus.CLOSED);
  }

  /** The publicity board: every notice, newest first. */
  @Transactional(readOnly = true)
  public org.springframework.data.domain.Page<PublicityNotice> board(int page, int size) {
    return notices.findAllByOrderByPublishedAtDescIdDesc(org.springframework.data.domain.PageRequest.of(page, size));
  }

  @Transactional(readOnly = true)
  public List<PublicityNotice> of(long demandId) {
    return notices.findByDemandIdOrderByPublishedAtAsc(demandId);
  }
}

interface PublicityNoticeRepository extends JpaRepository<PublicityNotice, Long> {
  List<PublicityNotice> findByDemandIdOrderByPublishedAtAsc(Long demandId);

  org.springframework.data.domain.Page<PublicityNotice> findAllByOrderByPublishedAtDescIdDesc(
      org.springframework.data.domain.Pageable page);
}

@Configuration(proxyBeanMethods = false)
class PublicityDelegates {

  @Bean
  JavaDelegate publishNotice(PublicityNotices notices, @Value("${shangliang.publicity.period:P7D}") Duration period) {
    return execution -> {
      PublicityNotice notice = notices.publish(((Number) execution.getVariable("demandId")).longValue(),
          (String) execution.getVariable("route"), (String) execution.getVariable("leadDepartment"),
          (String) execution.getVariable("resultText"), period);
      execution.setVariable(PublicityProcess.VAR_NOTICE_ID, notice.getId());
      execution.setVariable(PublicityProcess.VAR_PERIOD, period.toString());
    };
  }

  @Bean
  JavaDelegate closePublicity(PublicityNotices notices) {
    return execution -> notices.close(((Number) execution.getVariable(PublicityProcess.VAR_NOTICE_ID)).longValue());
  }
}

@Configuration(proxyBeanMethods = false)
class PublicityNoticesView {
  record NoticeView(String id, String title, String route, String handlingUnit, String result,
      java.time.OffsetDateTime publishedAt, java.time.OffsetDateTime closesAt, java.time.OffsetDateTime closedAt) {}

  @Bean
  cn.shangliang.intake.DemandRecordsContributor noticesContributor(PublicityNotices notices) {
    return cn.shangliang.intake.DemandRecordsContributor.of("publicityNotices", demandId ->
        notices.of(demandId).stream().map(n -> new NoticeView(String.valueOf(n.getId()), n.getTitle(), n.getRoute(),
            n.getHandlingUnit(), n.getResult(), at(n.getPublishedAt()), at(n.getClosesAt()), at(n.getClosedAt()))).toList());
  }

  static java.time.OffsetDateTime at(java.time.Instant instant) {
    return cn.shangliang.sla.WorkingCalendar.inChina(instant);
  }
}
